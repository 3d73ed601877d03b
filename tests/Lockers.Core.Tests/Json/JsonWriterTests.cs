using System.Text;
using Lockers.Core.Json;

namespace Lockers.Core.Tests.Json;

public class JsonWriterTests
{
    [Fact]
    public void Write_MixedDocument_IsCompactGolden()
    {
        var writer = new JsonWriter();
        writer.BeginObject()
            .Field("s", "x")
            .Field("i", 42)
            .Field("l", -9223372036854775808L)
            .Field("b", false)
            .Field("d", 21.5)
            .Name("n").Null()
            .Name("a").BeginArray().Value(1).Value("two").BeginObject().EndObject().BeginArray().EndArray().EndArray()
            .EndObject();

        Assert.Equal(
            "{\"s\":\"x\",\"i\":42,\"l\":-9223372036854775808,\"b\":false,\"d\":21.5,\"n\":null,\"a\":[1,\"two\",{},[]]}",
            writer.ToString());
    }

    [Theory]
    [InlineData("plain", "\"plain\"")]
    [InlineData("q\"b\\s/", "\"q\\\"b\\\\s/\"")]
    [InlineData("\n\r\t\b\f", "\"\\n\\r\\t\\b\\f\"")]
    [InlineData("\u0001\u001f\0", "\"\\u0001\\u001f\\u0000\"")]
    [InlineData("é€\U0001F512", "\"é€\U0001F512\"")]
    public void Value_String_IsEscaped(string value, string expected)
    {
        Assert.Equal(expected, new JsonWriter().Value(value).ToString());
    }

    [Theory]
    [InlineData(0xD83D)]
    [InlineData(0xDD12)]
    public void Value_LoneSurrogate_BecomesReplacementCharacter(int codeUnit)
    {
        string value = "a" + (char)codeUnit + "b";

        Assert.Equal("\"a\ufffdb\"", new JsonWriter().Value(value).ToString());
    }

    [Theory]
    [InlineData(0.1, "0.1")]
    [InlineData(-2.5, "-2.5")]
    [InlineData(1e20, "1E+20")]
    [InlineData(3.0, "3")]
    public void Value_Double_UsesInvariantRoundTripText(double value, string expected)
    {
        Assert.Equal(expected, new JsonWriter().Value(value).ToString());
    }

    [Fact]
    public void Value_DoubleUnderCommaCulture_StillUsesDot()
    {
        var previous = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            System.Globalization.CultureInfo.CurrentCulture = new System.Globalization.CultureInfo("de-DE");

            Assert.Equal("1.5", new JsonWriter().Value(1.5).ToString());
            Assert.Equal(1.5, JsonParser.Parse("1.5"));
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = previous;
        }
    }

    [Fact]
    public void Value_NaN_Throws()
    {
        Assert.Throws<ArgumentException>(() => new JsonWriter().Value(double.NaN));
        Assert.Throws<ArgumentException>(() => new JsonWriter().Value(double.PositiveInfinity));
    }

    [Fact]
    public void ToUtf8_NonAscii_IsUtf8()
    {
        byte[] bytes = new JsonWriter().Value("é").ToUtf8();

        Assert.Equal(new byte[] { 0x22, 0xC3, 0xA9, 0x22 }, bytes);
    }

    [Fact]
    public void Misuse_ValueWithoutName_Throws()
    {
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().BeginObject().Value(1));
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().BeginArray().Name("x"));
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().BeginObject().EndArray());
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().EndObject());
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().Value(1).Value(2));
        Assert.Throws<InvalidOperationException>(() => new JsonWriter().BeginObject().Name("a").EndObject());
    }

    [Fact]
    public void Misuse_NestingBeyondLimit_Throws()
    {
        var writer = new JsonWriter();
        for (int i = 0; i < JsonParser.MaxDepth; i++)
        {
            writer.BeginArray();
        }

        Assert.Throws<InvalidOperationException>(() => writer.BeginArray());
    }

    [Fact]
    public void Clear_AfterUse_StartsAFreshDocument()
    {
        var writer = new JsonWriter();
        writer.BeginObject().Field("a", 1).EndObject();

        writer.Clear();
        writer.BeginObject().Field("b", 2).EndObject();

        Assert.Equal("{\"b\":2}", writer.ToString());
    }

    [Fact]
    public void RoundTrip_WriterOutput_ParsesBackToSameValues()
    {
        var original = "quote\" slash\\ nl\n ctl\u0002 é \U0001F512";
        var writer = new JsonWriter();
        writer.BeginObject().Field("s", original).Field("max", long.MaxValue).Field("min", long.MinValue)
            .Field("d", 0.1).Field("neg", -1e-7).EndObject();

        var parsed = JsonParser.ParseObjectUtf8(writer.ToUtf8());

        Assert.Equal(original, parsed.GetString("s"));
        Assert.Equal(long.MaxValue, parsed.GetLong("max"));
        Assert.Equal(long.MinValue, parsed.GetLong("min"));
        Assert.Equal(0.1, parsed.GetDouble("d"));
        Assert.Equal(-1e-7, parsed.GetDouble("neg"));
    }

    [Theory]
    [InlineData("{\"a\":[1,2.5,\"x\",true,false,null,{\"b\":{}}],\"c\":\"\\\"\\\\\\n\"}")]
    [InlineData("[[],{},\"\",0,-1]")]
    public void RoundTrip_ParseThenWrite_ReproducesCompactText(string text)
    {
        var writer = new JsonWriter();
        Rewrite(JsonParser.Parse(text), writer);

        Assert.Equal(text, writer.ToString());
        Assert.Equal(Encoding.UTF8.GetBytes(text), writer.ToUtf8());
    }

    private static void Rewrite(object? value, JsonWriter writer)
    {
        switch (value)
        {
            case JsonObject o:
                writer.BeginObject();
                foreach (var key in o.Keys)
                {
                    writer.Name(key);
                    Rewrite(o.Get(key), writer);
                }

                writer.EndObject();
                break;
            case JsonArray a:
                writer.BeginArray();
                for (int i = 0; i < a.Count; i++)
                {
                    Rewrite(a[i], writer);
                }

                writer.EndArray();
                break;
            case string s: writer.Value(s); break;
            case long l: writer.Value(l); break;
            case double d: writer.Value(d); break;
            case bool b: writer.Value(b); break;
            default: writer.Null(); break;
        }
    }
}
