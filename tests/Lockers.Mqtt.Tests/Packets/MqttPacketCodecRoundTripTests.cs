using System.Buffers;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>Encode then decode gives the same packet, for every type and varied fields.</summary>
public class MqttPacketCodecRoundTripTests
{
    public static TheoryData<int> SampleIndexes => new(Enumerable.Range(0, SamplePackets.All().Count()));

    [Theory]
    [MemberData(nameof(SampleIndexes))]
    public void EncodeThenDecode_SamplePacket_GivesEqualPacket(int index)
    {
        MqttPacket packet = SamplePackets.All().ElementAt(index);
        byte[] bytes = PacketBytes.Encode(packet);
        MqttPacket decoded = PacketBytes.DecodeSingle(bytes);
        Assert.Equal(packet.GetType(), decoded.GetType());
        Assert.Equal(PacketDescriber.Describe(packet), PacketDescriber.Describe(decoded));
        // Re-encoding is byte-for-byte identical: the encoding is canonical.
        Assert.Equal(bytes, PacketBytes.Encode(decoded));
    }

    [Fact]
    public void Decode_SeveralPacketsInOneBuffer_ReturnsThemInOrderWithPositions()
    {
        MqttPacket[] packets = SamplePackets.Small().ToArray();
        var output = new ArrayBufferWriter<byte>();
        foreach (MqttPacket packet in packets)
        {
            MqttPacketCodec.Encode(packet, output);
        }
        var remaining = new ReadOnlySequence<byte>(output.WrittenMemory);
        foreach (MqttPacket expected in packets)
        {
            Assert.True(MqttPacketCodec.TryDecode(remaining, 4096, out MqttPacket? decoded, out SequencePosition consumed));
            Assert.Equal(PacketDescriber.Describe(expected), PacketDescriber.Describe(decoded!));
            remaining = remaining.Slice(consumed);
        }
        Assert.True(remaining.IsEmpty);
        Assert.False(MqttPacketCodec.TryDecode(remaining, 4096, out _, out _));
    }

    [Fact]
    public void Decode_PayloadIsCopied_CallerMayReuseBuffer()
    {
        byte[] bytes = PacketBytes.Encode(new PublishPacket("a", new byte[] { 1, 2, 3 }));
        var decoded = (PublishPacket)PacketBytes.DecodeSingle(bytes);
        Array.Fill(bytes, (byte)0xEE);
        Assert.Equal(new byte[] { 1, 2, 3 }, decoded.Payload.ToArray());
    }

    [Fact]
    public void Encode_IntoSmallChunkWriter_PayloadSpansChunks()
    {
        var packet = new PublishPacket("chunks", Enumerable.Range(0, 10_000).Select(i => (byte)i).ToArray(), MqttQos.AtLeastOnce, PacketId: 5);
        var writer = new SmallChunkWriter(chunkSize: 64);
        int written = MqttPacketCodec.Encode(packet, writer);
        Assert.Equal(PacketBytes.Encode(packet), writer.ToArray());
        Assert.Equal(written, writer.ToArray().Length);
    }

    /// <summary>A writer whose spans are never larger than needed, like a pipe with small segments.</summary>
    private sealed class SmallChunkWriter(int chunkSize) : IBufferWriter<byte>
    {
        private readonly List<byte> _written = [];
        private byte[] _current = [];

        public void Advance(int count) => _written.AddRange(_current.AsSpan(0, count));

        public Memory<byte> GetMemory(int sizeHint = 0) => _current = new byte[Math.Max(sizeHint, chunkSize)];

        public Span<byte> GetSpan(int sizeHint = 0) => GetMemory(sizeHint).Span;

        public byte[] ToArray() => [.. _written];
    }
}
