using System.Buffers;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>Helpers that turn packets into bytes and back for codec tests.</summary>
internal static class PacketBytes
{
    /// <summary>Generous enough for every test packet except the size-limit ones.</summary>
    public const int LargeLimit = 64 * 1024 * 1024;

    /// <summary>Parses hex such as "30 05 00 03 61 2F 62" (spaces ignored).</summary>
    public static byte[] FromHex(string hex) => Convert.FromHexString(hex.Replace(" ", string.Empty, StringComparison.Ordinal));

    /// <summary>Upper-case hex with spaces, for readable assertion failures.</summary>
    public static string ToHex(ReadOnlySpan<byte> bytes) => Convert.ToHexString(bytes).Chunk(2).Aggregate(
        new System.Text.StringBuilder(), (sb, pair) => sb.Append(sb.Length == 0 ? "" : " ").Append(pair)).ToString();

    public static byte[] Encode(MqttPacket packet)
    {
        var output = new ArrayBufferWriter<byte>();
        int written = MqttPacketCodec.Encode(packet, output);
        Assert.Equal(output.WrittenCount, written);
        return output.WrittenSpan.ToArray();
    }

    /// <summary>Decodes exactly one packet that must fill <paramref name="bytes"/>.</summary>
    public static MqttPacket DecodeSingle(byte[] bytes, int maxPacketSize = LargeLimit)
    {
        var sequence = new ReadOnlySequence<byte>(bytes);
        Assert.True(MqttPacketCodec.TryDecode(sequence, maxPacketSize, out MqttPacket? packet, out SequencePosition consumed));
        Assert.NotNull(packet);
        Assert.Equal(bytes.Length, sequence.Slice(0, consumed).Length);
        return packet;
    }

    /// <summary>Decodes bytes that must be malformed; returns the exception for message checks.</summary>
    public static MqttProtocolException DecodeMalformed(byte[] bytes, int maxPacketSize = LargeLimit) =>
        Assert.Throws<MqttProtocolException>(() =>
            MqttPacketCodec.TryDecode(new ReadOnlySequence<byte>(bytes), maxPacketSize, out _, out _));

    /// <summary>A sequence whose segments are cut at <paramref name="cuts"/> (ascending offsets).</summary>
    public static ReadOnlySequence<byte> Segmented(byte[] bytes, params int[] cuts)
    {
        var boundaries = cuts.Where(c => c > 0 && c < bytes.Length).Distinct().Order().Append(bytes.Length).ToArray();
        var first = new Segment(bytes.AsMemory(0, boundaries[0]), 0);
        Segment last = first;
        for (int i = 1; i < boundaries.Length; i++)
        {
            last = last.Append(bytes.AsMemory(boundaries[i - 1], boundaries[i] - boundaries[i - 1]));
        }
        return new ReadOnlySequence<byte>(first, 0, last, last.Memory.Length);
    }

    /// <summary>One byte per segment: the worst case for a reader.</summary>
    public static ReadOnlySequence<byte> OneBytePerSegment(byte[] bytes) =>
        Segmented(bytes, Enumerable.Range(1, Math.Max(0, bytes.Length - 1)).ToArray());

    private sealed class Segment : ReadOnlySequenceSegment<byte>
    {
        public Segment(ReadOnlyMemory<byte> memory, long runningIndex)
        {
            Memory = memory;
            RunningIndex = runningIndex;
        }

        public Segment Append(ReadOnlyMemory<byte> memory)
        {
            var next = new Segment(memory, RunningIndex + Memory.Length);
            Next = next;
            return next;
        }
    }
}
