using System.Buffers;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>Partial input returns false without consuming; split input decodes like contiguous input.</summary>
public class MqttPacketCodecSegmentationTests
{
    public static TheoryData<int> SmallIndexes => new(Enumerable.Range(0, SamplePackets.Small().Count()));

    [Theory]
    [MemberData(nameof(SmallIndexes))]
    public void TryDecode_EveryProperPrefix_ReturnsFalseAndConsumesNothing(int index)
    {
        byte[] bytes = PacketBytes.Encode(SamplePackets.Small().ElementAt(index));
        for (int length = 0; length < bytes.Length; length++)
        {
            var prefix = new ReadOnlySequence<byte>(bytes, 0, length);
            Assert.False(MqttPacketCodec.TryDecode(prefix, 4096, out MqttPacket? packet, out SequencePosition consumed), $"prefix of {length} bytes");
            Assert.Null(packet);
            Assert.Equal(prefix.Start, consumed);
        }
    }

    [Theory]
    [MemberData(nameof(SmallIndexes))]
    public void TryDecode_OneBytePerSegment_DecodesSamePacket(int index)
    {
        MqttPacket expected = SamplePackets.Small().ElementAt(index);
        byte[] bytes = PacketBytes.Encode(expected);
        ReadOnlySequence<byte> sequence = PacketBytes.OneBytePerSegment(bytes);
        Assert.True(MqttPacketCodec.TryDecode(sequence, 4096, out MqttPacket? packet, out SequencePosition consumed));
        Assert.Equal(PacketDescriber.Describe(expected), PacketDescriber.Describe(packet!));
        Assert.Equal(sequence.End, consumed);
    }

    [Theory]
    [MemberData(nameof(SmallIndexes))]
    public void TryDecode_FedByteByByteAcrossSegments_ReturnsFalseUntilComplete(int index)
    {
        MqttPacket expected = SamplePackets.Small().ElementAt(index);
        byte[] bytes = PacketBytes.Encode(expected);
        ReadOnlySequence<byte> all = PacketBytes.OneBytePerSegment(bytes);
        for (int length = 0; length < bytes.Length; length++)
        {
            Assert.False(MqttPacketCodec.TryDecode(all.Slice(0, length), 4096, out _, out _), $"prefix of {length} bytes");
        }
        Assert.True(MqttPacketCodec.TryDecode(all, 4096, out MqttPacket? packet, out _));
        Assert.Equal(PacketDescriber.Describe(expected), PacketDescriber.Describe(packet!));
    }

    [Fact]
    public void TryDecode_RandomSegmentCuts_DecodesAllPacketsOfAStream()
    {
        var random = new Random(20261123);
        MqttPacket[] packets = SamplePackets.All().ToArray();
        var output = new ArrayBufferWriter<byte>();
        foreach (MqttPacket packet in packets)
        {
            MqttPacketCodec.Encode(packet, output);
        }
        byte[] stream = output.WrittenSpan.ToArray();
        int[] cuts = Enumerable.Range(0, 500).Select(_ => random.Next(1, stream.Length)).ToArray();
        ReadOnlySequence<byte> remaining = PacketBytes.Segmented(stream, cuts);
        foreach (MqttPacket expected in packets)
        {
            Assert.True(MqttPacketCodec.TryDecode(remaining, PacketBytes.LargeLimit, out MqttPacket? decoded, out SequencePosition consumed));
            Assert.Equal(PacketDescriber.Describe(expected), PacketDescriber.Describe(decoded!));
            remaining = remaining.Slice(consumed);
        }
        Assert.True(remaining.IsEmpty);
    }

    [Fact]
    public void TryDecode_SecondPacketIncomplete_FirstDecodesAndSecondWaits()
    {
        byte[] bytes = PacketBytes.FromHex("40 02 00 0A 32 09 00 03 61");
        var sequence = PacketBytes.Segmented(bytes, 3, 6);
        Assert.True(MqttPacketCodec.TryDecode(sequence, 4096, out MqttPacket? first, out SequencePosition consumed));
        Assert.Equal(10, Assert.IsType<PubAckPacket>(first).PacketId);
        var rest = sequence.Slice(consumed);
        Assert.Equal(5, rest.Length);
        Assert.False(MqttPacketCodec.TryDecode(rest, 4096, out _, out SequencePosition none));
        Assert.Equal(rest.Start, none);
    }
}
