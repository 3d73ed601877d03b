using System.Text.RegularExpressions;
using Lockers.Gateway.Localization;

namespace Lockers.Gateway.Tests.Localization;

/// <summary>
/// Holds an alarm detail as a producer wrote it (stored in English) to reading fully in Japanese and Chinese: no phrase of
/// the English templates (AlarmDetail.*, AlarmPart.*) may be left in the reading. Producer tests call it with the detail
/// they made, so a detail written as free text, or a part no template covers, fails where it is written.
/// </summary>
public static partial class AlarmDetailReading
{
    private static readonly Lazy<IReadOnlyList<string>> Phrases = new(EnglishPhrases);

    /// <summary>What staff type, kept as it is in every language.</summary>
    private static readonly HashSet<string> Commands = ["locker revoke"];

    public static void AssertReadsInJapaneseAndChinese(string stored)
    {
        foreach (var language in new[] { Languages.Japanese, Languages.Chinese })
        {
            var read = AlarmDetails.Read(stored, DashboardTexts.Resources.For(language, Languages.FormatCulture(language, null)));
            var left = Phrases.Value.Where(phrase => !Commands.Contains(phrase)
                && Regex.IsMatch(read, $"(?<![A-Za-z:]){Regex.Escape(phrase)}(?![A-Za-z:])")).ToList();
            Assert.True(left.Count == 0, $"the {language} reading of \"{stored}\" keeps English ({string.Join(" | ", left)}): {read}");
        }
    }

    /// <summary>Every run of two or more English words in a template's own text, and every one-word part ("keypad", "PIN").</summary>
    private static IReadOnlyList<string> EnglishPhrases()
    {
        var templates = DashboardTexts.Resources.All(Languages.English)
            .Where(pair => pair.Key.StartsWith(AlarmDetails.Prefix, StringComparison.Ordinal)
                || pair.Key.StartsWith(AlarmDetails.PartPrefix, StringComparison.Ordinal))
            .Select(pair => pair.Value).ToList();
        return templates.SelectMany(text => Placeholder().Split(text))
            .SelectMany(literal => Words().Matches(literal).Select(match => match.Value))
            .Concat(templates.Where(text => !text.Contains('{') && !text.Contains(' ') && text.Length >= 3))
            .Distinct(StringComparer.Ordinal).ToList();
    }

    [GeneratedRegex(@"\{[0-9]\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"[A-Za-z][a-z']+(?:[ /-][A-Za-z][a-z']*)+")]
    private static partial Regex Words();
}
