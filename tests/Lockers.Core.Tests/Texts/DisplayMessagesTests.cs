using System.Text.RegularExpressions;
using Lockers.Core.Texts;

namespace Lockers.Core.Tests.Texts;

/// <summary>The display's keyed texts: one per key in every language, the same arguments in each, and the wire form.</summary>
public partial class DisplayMessagesTests
{
    public static TheoryData<string> Languages => new(DisplayLanguages.All);

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryLanguage_HasOneTextPerKey_UsingTheSameArgumentsAsEnglish(string language)
    {
        var table = DisplayLanguages.TableFor(language);

        Assert.Equal(MessageKeys.Count, table.Length);
        for (var key = 0; key < MessageKeys.Count; key++)
        {
            Assert.False(string.IsNullOrWhiteSpace(table[key]), $"{language} key {MessageKeys.Names[key]} is empty");
            Assert.Equal(Arguments(EnglishMessages.Texts[key]), Arguments(table[key]));
        }
    }

    [Fact]
    public void Names_AreOnePerKey_AndReadBack()
    {
        Assert.Equal(MessageKeys.Count, MessageKeys.Names.Length);
        Assert.Equal(MessageKeys.Count, MessageKeys.Names.Distinct().Count());
        for (var key = 0; key < MessageKeys.Count; key++)
        {
            Assert.Equal(key, MessageKeys.FromName(MessageKeys.Names[key]));
            Assert.Matches("^[a-z][a-z_]*$", MessageKeys.Names[key]);
        }

        Assert.Equal(-1, MessageKeys.FromName("Ready"));
    }

    [Fact]
    public void FromWire_FillsTheArguments_InTheLanguageOfTheLocker()
    {
        Assert.Equal("Go to Cabinet B, door 5", new DisplayMessages("en").FromWire("go_to_door|5|Cabinet B"));
        Assert.Equal("Cabinet Bの5番の扉へ\nお進みください", new DisplayMessages("ja").FromWire("go_to_door|5|Cabinet B"));
        Assert.Equal("Enter code or scan", new DisplayMessages("en").FromWire("ready"));
    }

    [Theory]
    [InlineData("no_such_key")]
    [InlineData("round_done|1|2|3|4|5")]
    [InlineData("")]
    public void FromWire_UnknownKeyOrTooManyArguments_IsNull(string wire)
    {
        Assert.Null(new DisplayMessages("en").FromWire(wire));
        Assert.False(DisplayMessages.IsValidWire(wire));
    }

    [Fact]
    public void UnknownLanguage_FallsBackToEnglish()
    {
        var messages = new DisplayMessages("fr");

        Assert.Equal("en", messages.Language);
        Assert.Equal("Door 12 is open", messages.Format(MessageKeys.DoorOpened, 12));
    }

    private static string[] Arguments(string text) => ArgumentPattern().Matches(text).Select(m => m.Value).Distinct().Order().ToArray();

    [GeneratedRegex(@"\{[0-3]\}")]
    private static partial Regex ArgumentPattern();
}
