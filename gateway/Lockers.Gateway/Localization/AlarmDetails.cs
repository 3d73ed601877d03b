using System.Text.RegularExpressions;

namespace Lockers.Gateway.Localization;

/// <summary>
/// An alarm's detail in the reader's language. The gateway stores and sends (webhooks, audit) the detail in English,
/// written from the templates AlarmDetail.* of <see cref="DashboardTexts"/> (<see cref="English"/>); the dashboard reads
/// it back by matching those same templates and fills the reader's template with what they captured. One table for both
/// directions, so a detail the rules write is always one the page can read (a test holds every rule's detail to that).
/// A detail no template matches (written before this existed, or a locker's own words) is shown as it was stored.
/// <para>
/// A detail may carry a part written by other code (why a claim was refused, why an offline opening conflicts, which
/// site is held): such parts are written from AlarmPart.* templates, and every captured value is read again against
/// the templates, so the parts come out in the reader's language too. Parts without placeholders are words ("the whole
/// locker", "PIN"); a captured value that is exactly one of them is replaced by the reader's word.
/// </para>
/// </summary>
public static partial class AlarmDetails
{
    public const string Prefix = "AlarmDetail.";

    /// <summary>Templates of the parts other code writes into a detail, and of words in it.</summary>
    public const string PartPrefix = "AlarmPart.";

    /// <summary>Readings in a sensor fault's list ("supply reads 0 mV, temperature reads -127 °C") are read one by one.</summary>
    public const string ListKey = Prefix + "Implausible";

    private const string CommandRefusedKey = Prefix + "CommandRefused";

    /// <summary>Templates with a list value ("a, b, c", read item by item), and which value it is.</summary>
    private static readonly Dictionary<string, int> Lists = new()
    {
        [ListKey] = 0,
        [Prefix + "Throttle"] = 0,
        [PartPrefix + "ReaderNotProvisioned"] = 4,
    };

    private const int MaxDepth = 4;

    /// <summary>Parcel statuses, which an offline conflict's part names in words.</summary>
    private const string StatusPrefix = "ParcelStatus.";

    /// <summary>Whole details are read against AlarmDetail.* templates; what they captured against parts and details (a list's items).</summary>
    private static readonly Lazy<IReadOnlyList<Template>> Details = new(() => Build(IsDetail));

    private static readonly Lazy<IReadOnlyList<Template>> Parts = new(() => Build(key => IsPart(key) || IsDetail(key)));

    private static readonly Lazy<Dictionary<string, string>> Words = new(BuildWords);

    /// <summary>The English detail (or part of one) to store, from the template <paramref name="key"/> (AlarmDetail.*, AlarmPart.*).</summary>
    public static string English(string key, params object[] arguments) => DashboardTexts.English.Text(key, arguments);

    /// <summary>The stored English <paramref name="detail"/> (a whole detail, AlarmDetail.*) in the words of <paramref name="texts"/>.</summary>
    public static string Read(string detail, PageTexts texts) =>
        texts.Language == Languages.English ? detail
        : Words.Value.TryGetValue(detail, out var key) && IsDetail(key) ? texts[key]
        : Read(detail, texts, Details.Value, MaxDepth);

    /// <summary>A part written from an AlarmPart.* template on its own (a guard hold's reason) in the words of <paramref name="texts"/>.</summary>
    public static string ReadPart(string part, PageTexts texts) =>
        texts.Language == Languages.English ? part : Read(part, texts, Parts.Value, MaxDepth);

    private static string Read(string detail, PageTexts texts, IReadOnlyList<Template> templates, int depth)
    {
        if (depth == 0 || detail.Length == 0)
        {
            return detail;
        }
        foreach (var template in templates)
        {
            if (template.Pattern.Match(detail) is not { Success: true } match)
            {
                continue;
            }
            var captured = new object[template.Count];
            for (var i = 0; i < template.Count; i++)
            {
                var value = match.Groups["p" + i].Value;
                captured[i] = template.Key.StartsWith(CommandRefusedKey, StringComparison.Ordinal) && i == 1
                    ? texts.Word("Reason", value) // the locker's reason code (bad_signature) in words
                    : Lists.TryGetValue(template.Key, out var list) && i == list
                        ? string.Join(texts["Common.ListSeparator"], value.Split(", ").Select(item => ReadValue(item, texts, depth - 1)))
                        : ReadValue(value, texts, depth - 1);
            }
            return texts.Text(template.Key, captured);
        }
        return detail;
    }

    /// <summary>A value a template captured: a part or a word in the reader's words, else as it was (an id, a figure, a locker's words).</summary>
    private static string ReadValue(string value, PageTexts texts, int depth) =>
        Words.Value.TryGetValue(value, out var key) ? texts[key] : Read(value, texts, Parts.Value, depth);

    /// <summary>
    /// Each template as an anchored pattern, {n} capturing lazily as group pn (a repeated {n} must repeat its value);
    /// the longest template first, so "refused: {1} (possible attack...)" wins over "refused: {1}".
    /// </summary>
    private static IReadOnlyList<Template> Build(Func<string, bool> chosen) =>
        DashboardTexts.Resources.All(Languages.English)
            .Where(pair => chosen(pair.Key) && pair.Value.Contains('{'))
            .OrderByDescending(pair => pair.Value.Length)
            .ThenBy(pair => pair.Key, StringComparer.Ordinal)
            .Select(pair => ToTemplate(pair.Key, pair.Value))
            .ToList();

    /// <summary>The English text of each word (a template without placeholders, a parcel status) and its key.</summary>
    private static Dictionary<string, string> BuildWords()
    {
        var words = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, text) in DashboardTexts.Resources.All(Languages.English))
        {
            if ((IsDetail(key) || IsPart(key) || key.StartsWith(StatusPrefix, StringComparison.Ordinal)) && !text.Contains('{'))
            {
                words.TryAdd(text, key);
            }
        }
        return words;
    }

    private static bool IsDetail(string key) => key.StartsWith(Prefix, StringComparison.Ordinal);

    private static bool IsPart(string key) => key.StartsWith(PartPrefix, StringComparison.Ordinal);

    private static Template ToTemplate(string key, string english)
    {
        var seen = new HashSet<int>();
        var pattern = Placeholder().Replace(Regex.Escape(english), match =>
        {
            var index = match.Value[2] - '0';
            return seen.Add(index) ? $"(?<p{index}>.+?)" : $@"\k<p{index}>";
        });
        return new Template(key, new Regex("^" + pattern + "$", RegexOptions.Singleline), seen.Count == 0 ? 0 : seen.Max() + 1);
    }

    private sealed record Template(string Key, Regex Pattern, int Count);

    [GeneratedRegex(@"\\\{[0-9]\}")]
    private static partial Regex Placeholder();
}
