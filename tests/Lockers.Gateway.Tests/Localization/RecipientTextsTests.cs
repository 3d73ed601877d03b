using System.Globalization;
using System.Text.RegularExpressions;
using Lockers.Core.Board;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Recipients;
using Lockers.Gateway.Reservations;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Localization;

/// <summary>
/// The parcel page's texts (gateway/Lockers.Gateway/Recipients/RecipientTexts.resx and its translations): every language has every key and the same placeholders,
/// and every key the page's code and markup use exists (docs/adr/0121-languages.md).
/// </summary>
public sealed partial class RecipientTextsTests
{
    private static readonly TextResources Texts = new(typeof(RecipientTexts));

    public static TheoryData<string> Translations => new(Languages.Japanese, Languages.Chinese);

    [Theory]
    [MemberData(nameof(Translations))]
    public void EveryTranslation_HasEveryKey_WithTheSamePlaceholders(string language)
    {
        var english = Texts.OwnKeys(Languages.English);
        Assert.NotEmpty(english);
        Assert.Equal(english, Texts.OwnKeys(language));
        foreach (var key in english)
        {
            Assert.Equal(Placeholders(Texts.Get(key, Languages.English)), Placeholders(Texts.Get(key, language)));
        }
    }

    [Fact]
    public void EveryKeyThePageUses_Exists()
    {
        var folder = RepositoryRoot.File("gateway", "Lockers.Gateway", "Recipients");
        var used = Directory.GetFiles(folder, "*.razor").Concat(Directory.GetFiles(folder, "*.cs"))
            .SelectMany(file => UsedKey().Matches(File.ReadAllText(file)).Select(m => m.Groups["key"].Value))
            .Concat(Enum.GetValues<RecipientPageState>().SelectMany(state => new[] { $"{state}.Title", $"{state}.Lead" }))
            .Concat(Enum.GetValues<CompartmentSize>().Select(size => "Size." + CompartmentSizes.ToName(size)))
            .Distinct()
            .ToList();
        Assert.Contains("Codes.Heading", used); // the scan itself found keys

        var known = Texts.OwnKeys(Languages.English).ToHashSet();

        var missing = used.Where(key => !known.Contains(key)).ToList();
        Assert.True(missing.Count == 0, "keys the page uses but RecipientTexts.resx lacks: " + string.Join(", ", missing));
    }

    [Theory]
    [InlineData("ja-JP", "ja")]
    [InlineData("zh-TW", "zh")]
    [InlineData("en-GB", "en")]
    [InlineData("fr-FR", null)]
    [InlineData("", null)]
    public void Language_OfATag(string tag, string? expected) => Assert.Equal(expected, Languages.FromTag(tag));

    [Fact]
    public void FormatCulture_IsTheSitesWhenItSpeaksTheReadersLanguage()
    {
        Assert.Equal("en-GB", Languages.FormatCulture("en", "en-GB").Name);
        Assert.Equal("en-US", Languages.FormatCulture("en", "ja-JP").Name);
        Assert.Equal("zh-CN", Languages.FormatCulture("zh", "ja-JP").Name);
        Assert.Equal("2026年3月4日星期三", new DateTime(2026, 3, 4).ToString("D", Languages.FormatCulture("zh", null)));
    }

    private static string[] Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal).ToArray();

    [GeneratedRegex(@"\{[0-9]\}")]
    private static partial Regex Placeholder();

    /// <summary>T["Key"], T.Text("Key", ...), texts["Key"], Texts.Get("Key" ...).</summary>
    [GeneratedRegex(@"(?:\bT\[|\btexts\[|\bT\.Text\(|\btexts\.Text\(|Texts\.Get\()""(?<key>[A-Z][A-Za-z]+(?:\.[A-Za-z]+)+)""")]
    private static partial Regex UsedKey();
}
