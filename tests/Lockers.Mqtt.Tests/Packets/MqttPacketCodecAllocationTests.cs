using System.Buffers;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>
/// Allocation budgets: encoding writes straight into the caller's buffer, and decoding allocates only
/// what the packet itself holds (strings, payload copy, the record), never what a header merely declares.
/// </summary>
public class MqttPacketCodecAllocationTests
{
    private static readonly PublishPacket TypicalPublish =
        new("lockers/v1/lk-0042/events", Enumerable.Range(0, 200).Select(i => (byte)i).ToArray(), MqttQos.AtLeastOnce, PacketId: 77);

    [Fact]
    public void Encode_TypicalPublishIntoReusedWriter_AllocatesNothing()
    {
        var output = new ArrayBufferWriter<byte>(1024);
        MqttPacketCodec.Encode(TypicalPublish, output); // warm-up: static initialisation and tiering
        output.ResetWrittenCount();
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            MqttPacketCodec.Encode(TypicalPublish, output);
            output.ResetWrittenCount();
        }
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    [Fact]
    public void TryDecode_TypicalPublish_AllocatesLittleMoreThanItsPayloadAndTopic()
    {
        const int calls = 100;
        var sequence = new ReadOnlySequence<byte>(PacketBytes.Encode(TypicalPublish));
        MqttPacketCodec.TryDecode(sequence, 4096, out _, out _); // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < calls; i++)
        {
            MqttPacketCodec.TryDecode(sequence, 4096, out _, out _);
        }
        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
        // payload array (224) + topic string (72) + record (48) = 344 bytes on x64; nothing else
        Assert.InRange(perCall, 200, 400);
    }

    [Fact]
    public void TryDecode_HeaderDeclaresMoreThanArrived_AllocatesNothing()
    {
        byte[] partial = new byte[100];
        PacketBytes.FromHex("32 A0 1F 00 03 61 2F 62 00 0A").CopyTo(partial, 0); // declares 4000 bytes
        var sequence = new ReadOnlySequence<byte>(partial);
        MqttPacketCodec.TryDecode(sequence, 4096, out _, out _); // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.False(MqttPacketCodec.TryDecode(sequence, 4096, out _, out _));
        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }

    /// <summary>
    /// The worst case for allocation per wire byte: a SUBSCRIBE full of 1-character filters. Each 4-byte
    /// entry becomes a string, a record and a list slot (about 64 bytes on x64), so decoding may allocate
    /// up to about 16 times the packet's size, and never in proportion to a declared but absent length.
    /// </summary>
    [Fact]
    public void TryDecode_SubscribeOfOneCharacterFilters_AllocatesAtMostSixteenTimesItsSize()
    {
        var filters = Enumerable.Range(0, 1000).Select(i => new MqttSubscription(((char)('a' + i % 26)).ToString(), MqttQos.AtMostOnce)).ToArray();
        byte[] bytes = PacketBytes.Encode(new SubscribePacket(1, filters));
        var sequence = new ReadOnlySequence<byte>(bytes);
        const int calls = 20;
        MqttPacketCodec.TryDecode(sequence, 8192, out _, out _); // warm-up
        long before = GC.GetAllocatedBytesForCurrentThread();
        MqttPacket? packet = null;
        for (int i = 0; i < calls; i++)
        {
            Assert.True(MqttPacketCodec.TryDecode(sequence, 8192, out packet, out _));
        }
        long perCall = (GC.GetAllocatedBytesForCurrentThread() - before) / calls;
        Assert.Equal(1000, ((SubscribePacket)packet!).Subscriptions.Count);
        Assert.InRange(perCall, 1000 * 24, 16L * bytes.Length + 1024); // measured: 64,100 bytes for 4,005
    }

    [Fact]
    public void TryDecode_MaximumSizePacketInManySegments_StaysWithinTheMaximum()
    {
        const int maxPacketSize = 4096;
        // 1 type byte + 2 length bytes + 3 topic bytes + payload = exactly the maximum
        byte[] bytes = PacketBytes.Encode(new PublishPacket("a", new byte[maxPacketSize - 6]));
        Assert.Equal(maxPacketSize, bytes.Length);
        ReadOnlySequence<byte> sequence = PacketBytes.Segmented(bytes, 3, 100, 2000, 4000);
        MqttPacketCodec.TryDecode(sequence, maxPacketSize, out _, out _); // warm-up: the pool's first buffer
        long before = GC.GetAllocatedBytesForCurrentThread();
        Assert.True(MqttPacketCodec.TryDecode(sequence, maxPacketSize, out MqttPacket? packet, out _));
        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(maxPacketSize - 6, ((PublishPacket)packet!).Payload.Length);
        Assert.InRange(allocated, maxPacketSize - 6, maxPacketSize + 256);
    }
}
