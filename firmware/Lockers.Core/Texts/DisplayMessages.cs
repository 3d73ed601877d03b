using System.Text;
using Lockers.Core.Json;

namespace Lockers.Core.Texts
{
    /// <summary>
    /// The display texts of one language: what the locker shows, by key (<see cref="MessageKeys"/>), with its
    /// arguments filled in. The controller keeps one for the locker's language; the gateway's keyed messages
    /// (<c>show_message_key</c>, text <c>key|arg|arg</c>) are read with <see cref="FromWire"/>.
    /// </summary>
    public sealed class DisplayMessages
    {
        /// <summary>Separates the key and the arguments of a keyed message on the wire.</summary>
        public const char WireSeparator = '|';

        private static readonly char[] Separators = { WireSeparator };

        private readonly string[] _texts;

        /// <summary>The texts of <paramref name="language"/> (see <see cref="DisplayLanguages"/>); English when it is unknown.</summary>
        public DisplayMessages(string language)
        {
            Language = DisplayLanguages.IsKnown(language) ? language : DisplayLanguages.English;
            _texts = DisplayLanguages.TableFor(Language);
        }

        /// <summary>The language shown.</summary>
        public string Language { get; }

        /// <summary>The text of a key that takes no argument (a constant: nothing is allocated).</summary>
        public string Text(int key) => _texts[key];

        /// <summary>The text of <paramref name="key"/> with {0} replaced by the number.</summary>
        public string Format(int key, long number) => Fill(_texts[key], JsonNumber.FormatInteger(number), "", "", "");

        /// <summary>The text of <paramref name="key"/> with {0} and {1} replaced.</summary>
        public string Format(int key, string first, string second) => Fill(_texts[key], first, second, "", "");

        /// <summary>
        /// A keyed message as the gateway sends it: <c>key</c> or <c>key|arg|arg...</c> (at most
        /// <see cref="MessageKeys.MaxArguments"/> arguments). Null when the key is unknown, so the caller can refuse it.
        /// </summary>
        public string? FromWire(string wire)
        {
            if (wire == null) return null;
            string[] parts = wire.Split(Separators);
            int key = MessageKeys.FromName(parts[0]);
            if (key < 0 || parts.Length - 1 > MessageKeys.MaxArguments) return null;
            return Fill(_texts[key], Part(parts, 1), Part(parts, 2), Part(parts, 3), Part(parts, 4));
        }

        /// <summary>True when <paramref name="wire"/> names a known key with at most the allowed arguments.</summary>
        public static bool IsValidWire(string wire)
        {
            if (wire == null || wire.Length == 0) return false;
            string[] parts = wire.Split(Separators);
            return MessageKeys.FromName(parts[0]) >= 0 && parts.Length - 1 <= MessageKeys.MaxArguments;
        }

        private static string Part(string[] parts, int index) => index < parts.Length ? parts[index] : "";

        // {0}..{3} become the arguments; any other brace is kept as it is.
        private static string Fill(string template, string a0, string a1, string a2, string a3)
        {
            if (template.IndexOf('{') < 0) return template;
            var text = new StringBuilder(template.Length + a0.Length + a1.Length + a2.Length + a3.Length);
            int i = 0;
            while (i < template.Length)
            {
                char c = template[i];
                if (c == '{' && i + 2 < template.Length && template[i + 2] == '}' && template[i + 1] >= '0' && template[i + 1] <= '3')
                {
                    int index = template[i + 1] - '0';
                    text.Append(index == 0 ? a0 : index == 1 ? a1 : index == 2 ? a2 : a3);
                    i += 3;
                    continue;
                }

                text.Append(c);
                i++;
            }

            return text.ToString();
        }
    }
}
