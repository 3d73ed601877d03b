using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>UTF-8 encoded strings (spec 1.5.3) both as .NET strings and as received bytes.</summary>
public class MqttStringsTests
{
    [Theory]
    [InlineData("", 0)]
    [InlineData("abc", 3)]
    [InlineData("ü", 2)]
    [InlineData("€", 3)]
    [InlineData("\uD869\uDED4", 4)] // U+2A6D4, the spec's example, as a surrogate pair
    [InlineData("A\uD869\uDED4", 5)]
    [InlineData("\uFEFF", 3)] // a BOM is an ordinary character and must not be stripped
    public void GetError_ValidString_CountsUtf8Bytes(string value, int expectedBytes)
    {
        Assert.Null(MqttStrings.GetError(value, out int byteCount));
        Assert.Equal(expectedBytes, byteCount);
        Assert.Equal(System.Text.Encoding.UTF8.GetByteCount(value), byteCount);
    }

    // Lone surrogates survive neither attribute metadata nor xunit's discovery serialization (both UTF-8),
    // so these rows are built at run time and not enumerated at discovery.
    public static TheoryData<string, string> InvalidStrings => new()
    {
        { "a\0", "U+0000 at index 1" },
        { "\uD800", "lone surrogate U+D800 at index 0" },
        { "ab\uDBFF", "lone surrogate U+DBFF at index 2" },
        { "\uDC00\uD800", "lone surrogate U+DC00 at index 0" },
        { "\uD800a\uDC00", "lone surrogate U+D800 at index 0" },
    };

    [Theory]
    [MemberData(nameof(InvalidStrings), DisableDiscoveryEnumeration = true)]
    public void GetError_InvalidString_NamesProblemAndIndex(string value, string expected) =>
        Assert.Contains(expected, MqttStrings.GetError(value, out _));

    [Fact]
    public void GetError_LengthBoundary_65535AcceptedAnd65536Rejected()
    {
        Assert.Null(MqttStrings.GetError(new string('a', 65_535), out _));
        Assert.Contains("65536 bytes", MqttStrings.GetError(new string('a', 65_534) + "ü", out _));
    }

    [Theory]
    [InlineData("41 F0 AA 9B 94", "A\uD869\uDED4")]
    [InlineData("EF BB BF 61", "\uFEFFa")]
    [InlineData("01 1F 7F C2 9F", "\u0001\u001F\u007F\u009F")] // control characters: SHOULD NOT, but legal
    [InlineData("EF BF BF", "\uFFFF")] // a non-character is still well-formed
    public void Decode_WellFormedUtf8_GivesString(string hex, string expected)
    {
        var utf8 = PacketBytes.FromHex(hex);
        Assert.Null(MqttStrings.GetDecodeError(utf8));
        Assert.Equal(expected, MqttStrings.DecodeValidated(utf8));
    }

    [Theory]
    [InlineData("00", "U+0000")]
    [InlineData("ED A0 80", "not well-formed")] // encoded U+D800
    [InlineData("ED BF BF", "not well-formed")] // encoded U+DFFF
    [InlineData("C0 80", "not well-formed")] // overlong U+0000
    [InlineData("E0 80 AF", "not well-formed")] // overlong '/'
    [InlineData("F4 90 80 80", "not well-formed")] // beyond U+10FFFF
    [InlineData("80", "not well-formed")] // lone continuation byte
    [InlineData("C3", "not well-formed")] // truncated sequence
    public void Decode_IllFormedUtf8_NamesTheProblem(string hex, string expected) =>
        Assert.Contains(expected, MqttStrings.GetDecodeError(PacketBytes.FromHex(hex)));
}
