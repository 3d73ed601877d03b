using System.Globalization;
using System.Text;
using Lockers.Core.Commands;
using Lockers.Core.Journal;
using Lockers.Core.Json;
using Lockers.Core.Protocol;

namespace Lockers.Core.Tests.Performance;

/// <summary>
/// The allocation fixes made for `./lockers bench firmware` (digits written in place, UTF-8 encoded from the
/// writer's buffer, keys built in one array, a reused writer, small objects without a hash index) must give
/// byte for byte what the straightforward code gave.
/// </summary>
public sealed class AllocationFixEquivalenceTests
{
    [Theory]
    [InlineData(0L)]
    [InlineData(7L)]
    [InlineData(-1L)]
    [InlineData(1_795_000_000_123L)]
    [InlineData(long.MaxValue)]
    [InlineData(long.MinValue)]
    public void JsonWriter_Integer_WritesInvariantDecimal(long value)
    {
        Assert.Equal(value.ToString(CultureInfo.InvariantCulture), new JsonWriter().Value(value).ToString());
    }

    [Theory]
    [InlineData("plain ascii")]
    [InlineData("é ß ÿ")]
    [InlineData("€ 中文 \uFFFD")]
    [InlineData("\U0001F512 lock \U0001F600")]
    [InlineData("lone \uD800 high and \uDC00 low")]
    public void JsonWriter_ToUtf8_MatchesEncodingOfTheText(string text)
    {
        var writer = new JsonWriter();
        writer.BeginObject().Field("s", text).Field("n", 42).EndObject();

        Assert.Equal(Encoding.UTF8.GetBytes(writer.ToString()), writer.ToUtf8());
    }

    [Fact]
    public void JsonWriter_LongerThanItsFirstBuffer_Grows()
    {
        string text = new string('x', 1_000);

        byte[] json = new JsonWriter().Value(text).ToUtf8();

        Assert.Equal("\"" + text + "\"", Encoding.UTF8.GetString(json));
    }

    [Fact]
    public void LockerEvent_ToJsonWithReusedWriter_EqualsFreshWriter()
    {
        var writer = new JsonWriter();
        writer.BeginObject().Field("left", "over").EndObject();
        var e = LockerEvent.CodeEntered(CodeSources.Keypad, "kp-1", "482913");
        e.Seq = 12;
        e.UptimeMs = 3_456;

        Assert.Equal(e.ToJson(), e.ToJson(writer));
        Assert.Equal(CommandResultPayload.Ok("c-1").ToJson(), CommandResultPayload.Ok("c-1").ToJson(writer));
    }

    [Theory]
    [InlineData(1L)]
    [InlineData(42L)]
    [InlineData(9_999_999_999L)]
    [InlineData(12_345_678_901L)]
    [InlineData(123_456_789_012_345_678L)]
    public void JournalKeys_Entry_IsPrefixAndTenDigitsAtLeast(long seq)
    {
        string expected = JournalKeys.EntryPrefix + seq.ToString(CultureInfo.InvariantCulture).PadLeft(10, '0');

        Assert.Equal(expected, JournalKeys.Entry(seq));
        Assert.True(JournalKeys.TryParseEntry(JournalKeys.Entry(seq), out long back));
        Assert.Equal(seq, back);
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(9L)]
    [InlineData(10L)]
    [InlineData(123_456_789_012_345_678L)]
    public void StoredNumber_ToBytes_IsAsciiDecimalThatReadsBack(long value)
    {
        byte[] bytes = StoredNumber.ToBytes(value);

        Assert.Equal(Encoding.ASCII.GetBytes(value.ToString(CultureInfo.InvariantCulture)), bytes);
        Assert.True(StoredNumber.TryParse(bytes, out long back));
        Assert.Equal(value, back);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(60)]
    public void JsonObject_AnySize_FindsEveryFieldAndRefusesDuplicates(int fields)
    {
        var json = new StringBuilder("{");
        for (int i = 0; i < fields; i++) json.Append(i == 0 ? "" : ",").Append("\"f").Append(i).Append("\":").Append(i);

        JsonObject parsed = JsonParser.ParseObjectUtf8(Encoding.UTF8.GetBytes(json + "}"));

        Assert.Equal(fields, parsed.Count);
        for (int i = 0; i < fields; i++) Assert.Equal(i, parsed.GetLong("f" + i));
        Assert.False(parsed.Has("f" + fields));
        Assert.Throws<JsonException>(() => JsonParser.ParseObjectUtf8(Encoding.UTF8.GetBytes(json + ",\"f" + (fields - 1) + "\":0}")));
    }
}
