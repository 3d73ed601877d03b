using System.Text.RegularExpressions;

namespace Lockers.Gateway.Localization;

/// <summary>
/// An alarm's detail in the reader's language. The gateway stores and sends (webhooks, audit) the detail in English,
/// written from the templates AlarmDetail.* of <see cref="DashboardTexts"/> (<see cref="English"/>); the dashboard reads
/// it back by matching those same templates and fills the reader's template with what they captured. One table for both
/// directions, so a detail the rules write is always one the page can read (a test holds every rule's detail to that).
/// A detail no template matches (written before this existed, or a locker's own words) is shown as it was stored.
/// </summary>
public static partial class AlarmDetails
{
    public const string Prefix = "AlarmDetail.";

    /// <summary>Readings in a sensor fault's list ("supply reads 0 mV, temperature reads -127 °C") are read one by one.</summary>
    public const string ListKey = Prefix + "Implausible";

    private const string CommandRefusedKey = Prefix + "CommandRefused";

    private static readonly Lazy<IReadOnlyList<(string Key, Regex Pattern)>> Patterns = new(BuildPatterns);

    /// <summary>The English detail to store, from the template <paramref name="key"/> (AlarmDetail.*).</summary>
    public static string English(string key, params object[] arguments) => DashboardTexts.English.Text(key, arguments);

    /// <summary>The stored English <paramref name="detail"/> in the words of <paramref name="texts"/>.</summary>
    public static string Read(string detail, PageTexts texts)
    {
        if (texts.Language == Languages.English)
        {
            return detail;
        }
        foreach (var (key, pattern) in Patterns.Value)
        {
            if (pattern.Match(detail) is { Success: true } match)
            {
                var captured = match.Groups.Cast<Group>().Skip(1).Select(group => group.Value).ToArray();
                if (key.StartsWith(CommandRefusedKey, StringComparison.Ordinal))
                {
                    captured[1] = texts.Word("Reason", captured[1]); // the locker's reason code (bad_signature) in words
                }
                if (key == ListKey)
                {
                    captured[0] = string.Join(texts["Common.ListSeparator"], captured[0].Split(", ").Select(item => Read(item, texts)));
                }
                return texts.Text(key, captured.Cast<object>().ToArray());
            }
        }
        return detail;
    }

    /// <summary>Each template as an anchored pattern, {n} capturing lazily; the longest template first, so "refused: {1} (possible attack...)" wins over "refused: {1}".</summary>
    private static IReadOnlyList<(string Key, Regex Pattern)> BuildPatterns() =>
        DashboardTexts.Resources.All(Languages.English)
            .Where(pair => pair.Key.StartsWith(Prefix, StringComparison.Ordinal))
            .OrderByDescending(pair => pair.Value.Length)
            .Select(pair => (pair.Key, new Regex("^" + Placeholder().Replace(Regex.Escape(pair.Value), "(.+?)") + "$", RegexOptions.Singleline)))
            .ToList();

    [GeneratedRegex(@"\\\{[0-9]\}")]
    private static partial Regex Placeholder();
}
