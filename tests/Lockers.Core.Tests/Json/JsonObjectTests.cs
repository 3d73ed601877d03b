using Lockers.Core.Json;

namespace Lockers.Core.Tests.Json;

public class JsonObjectTests
{
    private static readonly JsonObject Sample = JsonParser.ParseObject(
        "{\"s\":\"text\",\"n\":7,\"big\":5000000000,\"d\":2.5,\"b\":true,\"z\":null,\"o\":{\"x\":1},\"a\":[1]}");

    [Fact]
    public void Getters_MatchingTypes_ReturnValues()
    {
        Assert.Equal(8, Sample.Count);
        Assert.Equal("text", Sample.GetString("s"));
        Assert.Equal(7L, Sample.GetLong("n"));
        Assert.Equal(7, Sample.GetInt("n"));
        Assert.Equal(7.0, Sample.GetDouble("n"));
        Assert.Equal(2.5, Sample.GetDouble("d"));
        Assert.True(Sample.GetBool("b"));
        Assert.Equal(1L, Sample.GetObject("o").GetLong("x"));
        Assert.Equal(1, Sample.GetArray("a").Count);
    }

    [Fact]
    public void HasAndIsNull_NullField_IsPresentButNull()
    {
        Assert.True(Sample.Has("z"));
        Assert.True(Sample.IsNull("z"));
        Assert.Null(Sample.Get("z"));
        Assert.False(Sample.Has("missing"));
        Assert.False(Sample.IsNull("missing"));
    }

    [Theory]
    [InlineData("n", "a string")]
    [InlineData("s", "an integer")]
    [InlineData("d", "an integer")]
    public void GetRequired_WrongType_NamesFieldAndType(string field, string expected)
    {
        var error = Assert.Throws<JsonException>(() =>
            expected == "a string" ? Sample.GetString(field) : (object)Sample.GetLong(field));

        Assert.Equal("field '" + field + "': expected " + expected, error.Message);
        Assert.Equal(-1, error.Position);
    }

    [Fact]
    public void GetRequired_OtherWrongTypes_Throw()
    {
        Assert.Throws<JsonException>(() => Sample.GetBool("s"));
        Assert.Throws<JsonException>(() => Sample.GetDouble("s"));
        Assert.Throws<JsonException>(() => Sample.GetObject("a"));
        Assert.Throws<JsonException>(() => Sample.GetArray("o"));
        Assert.Throws<JsonException>(() => Sample.GetArray("a").GetString(0));
    }

    [Fact]
    public void GetRequired_MissingField_SaysMissing()
    {
        var error = Assert.Throws<JsonException>(() => Sample.GetString("nope"));

        Assert.Equal("missing field 'nope'", error.Message);
    }

    [Fact]
    public void GetRequired_NullField_IsRefused()
    {
        var error = Assert.Throws<JsonException>(() => Sample.GetString("z"));

        Assert.Contains("'z'", error.Message);
    }

    [Fact]
    public void GetInt_ValueBeyondInt_IsOutOfRange()
    {
        var error = Assert.Throws<JsonException>(() => Sample.GetInt("big"));

        Assert.Contains("out of range", error.Message);
    }

    [Fact]
    public void GetWithFallback_MissingOrNull_ReturnsFallback()
    {
        Assert.Equal("dflt", Sample.GetString("missing", "dflt"));
        Assert.Equal("dflt", Sample.GetString("z", "dflt"));
        Assert.Equal(-1L, Sample.GetLong("missing", -1L));
        Assert.Equal(3, Sample.GetInt("z", 3));
        Assert.Equal(0.5, Sample.GetDouble("missing", 0.5));
        Assert.True(Sample.GetBool("missing", true));
    }

    [Fact]
    public void GetWithFallback_Present_ReturnsValue()
    {
        Assert.Equal("text", Sample.GetString("s", "dflt"));
        Assert.Equal(7L, Sample.GetLong("n", -1L));
        Assert.Equal(7, Sample.GetInt("n", -1));
        Assert.Equal(2.5, Sample.GetDouble("d", 0));
        Assert.True(Sample.GetBool("b", false));
    }

    [Fact]
    public void GetWithFallback_WrongType_StillThrows()
    {
        Assert.Throws<JsonException>(() => Sample.GetString("n", "dflt"));
        Assert.Throws<JsonException>(() => Sample.GetLong("s", 0));
        Assert.Throws<JsonException>(() => Sample.GetBool("n", false));
    }
}
