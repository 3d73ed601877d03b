using Lockers.Core.Json;

namespace Lockers.Core.Tests.Json;

/// <summary>Every malformation is refused with a message and the position where it starts.</summary>
public class JsonMalformedTests
{
    [Theory]
    [InlineData("", 0, "end of input")]
    [InlineData("   ", 3, "end of input")]
    [InlineData("{} x", 3, "after the value")]
    [InlineData("1 2", 2, "after the value")]
    [InlineData("{\"a\":1,}", 7, "field name")]
    [InlineData("[1,]", 3, "unexpected character")]
    [InlineData("[1 2]", 3, "expected ','")]
    [InlineData("{\"a\" 1}", 5, "expected ':'")]
    [InlineData("{a:1}", 1, "field name")]
    [InlineData("{\"a\":1", 6, "expected ','")]
    [InlineData("[", 1, "end of input")]
    [InlineData("'a'", 0, "unexpected character")]
    [InlineData("tru", 0, "literal")]
    [InlineData("nul", 0, "literal")]
    [InlineData("True", 0, "unexpected character")]
    [InlineData("\"abc", 0, "unterminated string")]
    [InlineData("\"a\nb\"", 2, "control character")]
    [InlineData("\"a\tb\"", 2, "control character")]
    [InlineData("\"\\x\"", 1, "bad escape")]
    [InlineData("\"\\", 1, "unterminated escape")]
    [InlineData("\"\\u12\"", 1, "truncated")]
    [InlineData("\"\\u12G4\"", 5, "hex digit")]
    [InlineData("\"\\ud83d\"", 1, "surrogate")]
    [InlineData("\"\\ud83dx\"", 1, "surrogate")]
    [InlineData("\"\\ud83d\\u0041\"", 1, "surrogate")]
    [InlineData("\"\\udd12\"", 1, "surrogate")]
    [InlineData("01", 0, "leading zero")]
    [InlineData("-01", 0, "leading zero")]
    [InlineData("-", 1, "digit")]
    [InlineData("1.", 2, "digit")]
    [InlineData(".5", 0, "unexpected character")]
    [InlineData("1e", 2, "digit")]
    [InlineData("1e+", 3, "digit")]
    [InlineData("+1", 0, "unexpected character")]
    [InlineData("9223372036854775808", 0, "out of range")]
    [InlineData("-9223372036854775809", 0, "out of range")]
    [InlineData("1e400", 0, "out of range")]
    [InlineData("NaN", 0, "unexpected character")]
    [InlineData("{\"a\":1,\"a\":2}", 7, "duplicate field 'a'")]
    public void Parse_MalformedInput_ThrowsWithPosition(string text, int position, string message)
    {
        var error = Assert.Throws<JsonException>(() => JsonParser.Parse(text));

        Assert.Equal(position, error.Position);
        Assert.Contains(message, error.Message);
        Assert.Contains("position " + position, error.Message);
    }

    // Lone surrogates are built at run time: xunit cannot carry them through test-case serialisation.
    [Theory]
    [InlineData(0xD83D)]
    [InlineData(0xDD12)]
    public void Parse_RawLoneSurrogate_IsRefused(int codeUnit)
    {
        string text = "\"a" + (char)codeUnit + "\"";

        var error = Assert.Throws<JsonException>(() => JsonParser.Parse(text));

        Assert.Equal(2, error.Position);
        Assert.Contains("surrogate", error.Message);
    }

    [Fact]
    public void Parse_Null_Throws()
    {
        Assert.Throws<JsonException>(() => JsonParser.Parse(null!));
        Assert.Throws<JsonException>(() => JsonParser.ParseUtf8(null!));
    }
}
