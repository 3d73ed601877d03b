using Lockers.Core.Json;

namespace Lockers.Core.Tests.Json;

public class JsonParserTests
{
    [Theory]
    [InlineData("0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("42", 42L)]
    [InlineData("-17", -17L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    public void Parse_Integer_IsLong(string text, long expected)
    {
        Assert.Equal(expected, Assert.IsType<long>(JsonParser.Parse(text)));
    }

    [Theory]
    [InlineData("1.5", 1.5)]
    [InlineData("-0.25", -0.25)]
    [InlineData("1e3", 1000.0)]
    [InlineData("1E+2", 100.0)]
    [InlineData("25e-1", 2.5)]
    [InlineData("0.0", 0.0)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    public void Parse_FractionOrExponent_IsDouble(string text, double expected)
    {
        Assert.Equal(expected, Assert.IsType<double>(JsonParser.Parse(text)));
    }

    [Theory]
    [InlineData("\"\"", "")]
    [InlineData("\"abc\"", "abc")]
    [InlineData("\"a\\\"b\"", "a\"b")]
    [InlineData("\"\\\\\\/\\b\\f\\n\\r\\t\"", "\\/\b\f\n\r\t")]
    [InlineData("\"\\u0041\\u00e9\\u20AC\"", "Aé€")]
    [InlineData("\"\\ud83d\\udd12\"", "\U0001F512")]
    [InlineData("\"\U0001F512 é\"", "\U0001F512 é")]
    [InlineData("\"\\u0000\"", "\0")]
    public void Parse_String_DecodesEscapes(string text, string expected)
    {
        Assert.Equal(expected, JsonParser.Parse(text));
    }

    [Fact]
    public void Parse_Literals_AreBoolAndNull()
    {
        Assert.Equal(true, JsonParser.Parse("true"));
        Assert.Equal(false, JsonParser.Parse(" false "));
        Assert.Null(JsonParser.Parse("\r\n\tnull"));
    }

    [Fact]
    public void Parse_NestedDocument_KeepsStructureAndOrder()
    {
        var root = JsonParser.ParseObject("{\"b\":1,\"a\":[true,null,\"x\",{\"c\":2.5}],\"e\":{}}");

        Assert.Equal(new[] { "b", "a", "e" }, root.Keys);
        var array = root.GetArray("a");
        Assert.Equal(4, array.Count);
        Assert.Equal(true, array[0]);
        Assert.Null(array[1]);
        Assert.Equal("x", array.GetString(2));
        Assert.Equal(2.5, array.GetObject(3).GetDouble("c"));
        Assert.Equal(0, root.GetObject("e").Count);
    }

    [Fact]
    public void Parse_NestingAtLimit_IsAccepted()
    {
        string text = new string('[', JsonParser.MaxDepth) + new string(']', JsonParser.MaxDepth);

        Assert.IsType<JsonArray>(JsonParser.Parse(text));
    }

    [Fact]
    public void Parse_NestingOverLimit_IsRefusedAtTheBracket()
    {
        string text = new string('[', JsonParser.MaxDepth + 1) + new string(']', JsonParser.MaxDepth + 1);

        var error = Assert.Throws<JsonException>(() => JsonParser.Parse(text));
        Assert.Equal(JsonParser.MaxDepth, error.Position);
        Assert.Contains("nesting", error.Message);
    }

    [Fact]
    public void ParseUtf8_Bytes_DecodesUtf8()
    {
        byte[] bytes = { 0x7B, 0x22, 0x6B, 0x22, 0x3A, 0x22, 0xC3, 0xA9, 0x22, 0x7D };

        Assert.Equal("é", JsonParser.ParseObjectUtf8(bytes).GetString("k"));
    }

    [Fact]
    public void ParseObject_Array_IsRefused()
    {
        Assert.Throws<JsonException>(() => JsonParser.ParseObject("[]"));
    }
}
