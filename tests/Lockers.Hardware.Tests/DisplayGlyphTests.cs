using System.Globalization;
using System.Text.RegularExpressions;
using Lockers.Core.Texts;

namespace Lockers.Hardware.Tests;

/// <summary>
/// The display's fonts hold exactly the glyphs its texts use (hardware/display/README.md): each language's .fntdef imports
/// printable ASCII and every other character of that language's table in firmware/Lockers.Core/Texts, no more; and the
/// README's glyph counts and flash estimate are those of the tables. A new text with a new character fails here until the
/// font definition (and the display's font) has it.
/// </summary>
public sealed partial class DisplayGlyphTests
{
    private static readonly string Display = Path.Combine(TestRepository.Layout.Root, "hardware", "display");

    public static TheoryData<string> Languages => new(DisplayLanguages.All);

    [Theory]
    [MemberData(nameof(Languages))]
    public void FontDefinition_ImportsAsciiAndEveryCharacterOfTheLanguagesTexts_AndNothingElse(string language)
    {
        var path = Path.Combine(Display, $"lockers-{language}-24.fntdef");
        var imported = ImportRange().Matches(File.ReadAllText(path))
            .SelectMany(m => Enumerable.Range(int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture),
                int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) - int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) + 1))
            .ToHashSet();

        var needed = Glyphs(language);

        var missing = needed.Except(imported).Select(c => char.ConvertFromUtf32(c)).ToList();
        var extra = imported.Except(needed).Select(c => char.ConvertFromUtf32(c)).ToList();
        Assert.True(missing.Count == 0 && extra.Count == 0,
            $"{path} is out of step with the {language} texts: missing '{string.Concat(missing)}', not used '{string.Concat(extra)}'. " +
            "Its lines should be: ImportRange 32 126, then ImportRange c c for each of " +
            string.Join(" ", needed.Where(c => c > 126).Order()));
    }

    [Fact]
    public void Readme_GlyphCounts_AreTheTables()
    {
        var readme = File.ReadAllText(Path.Combine(Display, "README.md"));

        foreach (var language in DisplayLanguages.All)
        {
            var total = Glyphs(language).Count;
            var wide = Glyphs(language).Count(c => c > 126);
            Assert.Matches($@"\| `{language}` \| {total} \| {wide} \|", readme);
        }
    }

    /// <summary>Printable ASCII (numbers and ids in the arguments) and every character of the language's texts, placeholders aside.</summary>
    private static HashSet<int> Glyphs(string language)
    {
        var glyphs = Enumerable.Range(32, 95).ToHashSet();
        foreach (var text in DisplayLanguages.TableFor(language))
        {
            foreach (var c in Placeholder().Replace(text, "").Replace("\n", "", StringComparison.Ordinal))
            {
                glyphs.Add(c);
            }
        }

        return glyphs;
    }

    [GeneratedRegex(@"^ImportRange (\d+) (\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex ImportRange();

    [GeneratedRegex(@"\{[0-3]\}")]
    private static partial Regex Placeholder();
}
