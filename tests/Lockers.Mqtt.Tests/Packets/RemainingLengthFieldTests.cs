using System.Buffers;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>The variable-length Remaining Length field against spec table 2.4.</summary>
public class RemainingLengthFieldTests
{
    /// <summary>Spec table 2.4: the boundaries of 1, 2, 3 and 4 byte encodings.</summary>
    public static TheoryData<int, string> Table24 => new()
    {
        { 0, "00" },
        { 127, "7F" },
        { 128, "80 01" },
        { 16_383, "FF 7F" },
        { 16_384, "80 80 01" },
        { 2_097_151, "FF FF 7F" },
        { 2_097_152, "80 80 80 01" },
        { 268_435_455, "FF FF FF 7F" },
    };

    [Theory]
    [MemberData(nameof(Table24))]
    public void Write_Table24Boundary_GivesSpecBytes(int value, string hex)
    {
        Span<byte> buffer = stackalloc byte[4];
        int written = RemainingLengthField.Write(buffer, value);
        Assert.Equal(hex, PacketBytes.ToHex(buffer[..written]));
        Assert.Equal(written, RemainingLengthField.GetEncodedSize(value));
    }

    [Theory]
    [MemberData(nameof(Table24))]
    public void TryRead_Table24Boundary_GivesValueAndLength(int value, string hex)
    {
        byte[] bytes = PacketBytes.FromHex(hex + " AB CD"); // trailing body bytes must not be read as length
        Assert.True(RemainingLengthField.TryRead(bytes, out int read, out int fieldLength));
        Assert.Equal(value, read);
        Assert.Equal(bytes.Length - 2, fieldLength);
    }

    [Theory]
    [InlineData("")]
    [InlineData("80")]
    [InlineData("FF FF")]
    [InlineData("FF FF FF")]
    public void TryRead_FieldCutShort_ReturnsFalse(string hex) =>
        Assert.False(RemainingLengthField.TryRead(PacketBytes.FromHex(hex), out _, out _));

    [Fact]
    public void TryRead_FifthContinuationByte_IsMalformed()
    {
        var error = Assert.Throws<MqttProtocolException>(() => RemainingLengthField.TryRead(PacketBytes.FromHex("FF FF FF FF 01"), out _, out _));
        Assert.Contains("4 bytes", error.Message);
    }

    [Theory]
    [InlineData("80 00", 0, 2)]
    [InlineData("FF 80 00", 127, 3)]
    [InlineData("80 80 80 00", 0, 4)]
    public void TryRead_NonMinimalEncoding_IsAcceptedAsSpec311Allows(string hex, int expected, int expectedLength)
    {
        Assert.True(RemainingLengthField.TryRead(PacketBytes.FromHex(hex), out int value, out int fieldLength));
        Assert.Equal(expected, value);
        Assert.Equal(expectedLength, fieldLength);
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(268_435_456)]
    public void GetEncodedSize_OutOfRange_Throws(int value) =>
        Assert.Throws<ArgumentException>(() => RemainingLengthField.GetEncodedSize(value));

    [Theory]
    [InlineData(127, "30 7F")]
    [InlineData(128, "30 80 01")]
    [InlineData(16_383, "30 FF 7F")]
    [InlineData(16_384, "30 80 80 01")]
    [InlineData(2_097_151, "30 FF FF 7F")]
    [InlineData(2_097_152, "30 80 80 80 01")]
    public void EncodePublish_BodyAtTable24Boundary_WritesHeaderAndDecodesBack(int remainingLength, string headerHex)
    {
        const int topicField = 3; // "a" with its 2-byte length prefix
        var packet = new PublishPacket("a", new byte[remainingLength - topicField]);
        byte[] bytes = PacketBytes.Encode(packet);
        int headerLength = PacketBytes.FromHex(headerHex).Length;
        Assert.Equal(headerHex, PacketBytes.ToHex(bytes.AsSpan(0, headerLength)));
        Assert.Equal(headerLength + remainingLength, bytes.Length);
        var decoded = Assert.IsType<PublishPacket>(PacketBytes.DecodeSingle(bytes));
        Assert.Equal(remainingLength - topicField, decoded.Payload.Length);
    }

    [Fact]
    public void Decode_NonMinimalLengthOnPingReq_ConsumesAllHeaderBytes()
    {
        var sequence = new ReadOnlySequence<byte>(PacketBytes.FromHex("C0 80 80 00 D0 00"));
        Assert.True(MqttPacketCodec.TryDecode(sequence, 16, out MqttPacket? packet, out SequencePosition consumed));
        Assert.IsType<PingReqPacket>(packet);
        Assert.Equal(4, sequence.Slice(0, consumed).Length);
    }
}
