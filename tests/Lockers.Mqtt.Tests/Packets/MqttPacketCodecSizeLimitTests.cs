using System.Buffers;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>The maximum packet size is enforced from the fixed header, before any body is buffered or allocated.</summary>
public class MqttPacketCodecSizeLimitTests
{
    [Fact]
    public void TryDecode_HeaderDeclaring268MB_IsRejectedFromHeaderAloneWithoutBigAllocation()
    {
        // PUBLISH with remaining length 268,435,455 and nothing else: only the 5 header bytes exist.
        byte[] header = PacketBytes.FromHex("30 FF FF FF 7F");
        var sequence = new ReadOnlySequence<byte>(header);
        // The first exception on a thread costs the runtime a few KB of one-off set-up; pay it before measuring.
        Assert.Throws<MqttProtocolException>(() => MqttPacketCodec.TryDecode(sequence, 4096, out _, out _));
        long before = GC.GetAllocatedBytesForCurrentThread();
        MqttProtocolException? error = null;
        try
        {
            MqttPacketCodec.TryDecode(sequence, 4096, out _, out _);
        }
        catch (MqttProtocolException e)
        {
            error = e;
        }
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.NotNull(error);
        Assert.Contains("packet of 268435460 bytes exceeds the maximum of 4096", error.Message);
        Assert.True(allocated < 4096, $"allocated {allocated} bytes for a rejected header");
    }

    [Theory]
    [InlineData(11, false)] // exactly the limit is fine
    [InlineData(10, true)]
    public void TryDecode_PacketAroundTheLimit_RejectsOnlyAboveIt(int maxPacketSize, bool rejected)
    {
        byte[] bytes = PacketBytes.FromHex("32 09 00 03 61 2F 62 00 0A 68 69"); // 11 bytes in total
        if (rejected)
        {
            var error = PacketBytes.DecodeMalformed(bytes, maxPacketSize);
            Assert.Contains("PUBLISH packet of 11 bytes exceeds the maximum of 10", error.Message);
        }
        else
        {
            Assert.IsType<PublishPacket>(PacketBytes.DecodeSingle(bytes, maxPacketSize));
        }
    }

    [Fact]
    public void TryDecode_OversizedPacketWithBodyStillMissing_ThrowsInsteadOfWaiting()
    {
        var error = PacketBytes.DecodeMalformed(PacketBytes.FromHex("32 80 01 00"), maxPacketSize: 100);
        Assert.Contains("131 bytes exceeds the maximum of 100", error.Message);
    }

    [Theory]
    [InlineData("30 FF FF", 4096, "PUBLISH packet of at least 16387 bytes exceeds the maximum of 4096")]
    [InlineData("30 FF FF FF", 4096, "at least 2097156 bytes")]
    [InlineData("82 80 80", 3, "SUBSCRIBE packet of at least 4 bytes exceeds the maximum of 3")]
    public void TryDecode_LengthFieldStillIncomplete_RejectsOnceTheLowerBoundExceedsTheMaximum(string hex, int maxPacketSize, string expected)
    {
        var error = PacketBytes.DecodeMalformed(PacketBytes.FromHex(hex), maxPacketSize);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("30 FF", 4096)] // at least 130 bytes: could still fit
    [InlineData("30 80", 4)] // at least 3 bytes
    [InlineData("30", 2)]
    public void TryDecode_LengthFieldIncompleteButCouldFit_ReturnsFalse(string hex, int maxPacketSize) =>
        Assert.False(MqttPacketCodec.TryDecode(new ReadOnlySequence<byte>(PacketBytes.FromHex(hex)), maxPacketSize, out _, out _));

    [Theory]
    [InlineData(1)]
    [InlineData(0)]
    [InlineData(-5)]
    public void TryDecode_MaxPacketSizeBelowTwo_ThrowsArgumentOutOfRange(int maxPacketSize) =>
        Assert.Throws<ArgumentOutOfRangeException>(() =>
            MqttPacketCodec.TryDecode(new ReadOnlySequence<byte>(new byte[] { 0xC0, 0 }), maxPacketSize, out _, out _));
}
