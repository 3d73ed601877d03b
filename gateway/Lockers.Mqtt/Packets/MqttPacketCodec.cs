using System.Buffers;

namespace Lockers.Mqtt.Packets;

/// <summary>
/// Encodes and decodes MQTT 3.1.1 control packets. Pure: no I/O, no state, thread-safe.
/// </summary>
public static class MqttPacketCodec
{
    /// <summary>The largest remaining length MQTT 3.1.1 can express (spec 2.2.3): 268,435,455 bytes.</summary>
    public const int MaxRemainingLength = 268_435_455;

    /// <summary>The smallest packet (PINGREQ and friends): two bytes. Lower limits make no sense.</summary>
    public const int MinPacketSize = 2;

    /// <summary>
    /// Writes <paramref name="packet"/> to <paramref name="output"/> and returns the number of bytes written.
    /// Throws <see cref="ArgumentException"/> when the packet cannot be encoded legally
    /// (invalid topic, empty subscription list, packet id 0 where one is required, too long, ...).
    /// </summary>
    public static int Encode(MqttPacket packet, IBufferWriter<byte> output) => MqttPacketEncoder.Encode(packet, output);

    /// <summary>
    /// Tries to decode one packet from the start of <paramref name="buffer"/>.
    /// Returns false when more bytes are needed (nothing consumed). Returns true with the packet and
    /// the position after it. Throws <see cref="MqttProtocolException"/> when the bytes are malformed
    /// or the packet's total size would exceed <paramref name="maxPacketSize"/> (checked from the fixed
    /// header alone, before the body is buffered or allocated).
    /// A <paramref name="maxPacketSize"/> below <see cref="MinPacketSize"/> is a programming error
    /// (<see cref="ArgumentOutOfRangeException"/>), not a protocol one.
    /// </summary>
    public static bool TryDecode(in ReadOnlySequence<byte> buffer, int maxPacketSize, out MqttPacket? packet, out SequencePosition consumed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxPacketSize, MinPacketSize);
        packet = null;
        consumed = buffer.Start;
        if (!MqttFixedHeader.TryRead(buffer, maxPacketSize, out MqttFixedHeader header))
        {
            return false;
        }
        if (buffer.Length < header.TotalLength)
        {
            return false;
        }
        ReadOnlySequence<byte> body = buffer.Slice(header.Length, header.RemainingLength);
        packet = DecodeBody(header, body);
        consumed = body.End;
        return true;
    }

    private static MqttPacket DecodeBody(MqttFixedHeader header, in ReadOnlySequence<byte> body)
    {
        if (body.IsSingleSegment)
        {
            return MqttPacketDecoder.Decode(header, body.FirstSpan);
        }
        // A body split across segments is gathered into a pooled buffer (its size was already checked
        // against the maximum), decoded, and the buffer returned. CONNECT bodies carry passwords,
        // so their copy is wiped rather than left in shared pool memory.
        byte[] rented = ArrayPool<byte>.Shared.Rent(header.RemainingLength);
        try
        {
            body.CopyTo(rented);
            return MqttPacketDecoder.Decode(header, rented.AsSpan(0, header.RemainingLength));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(rented, clearArray: header.Type == MqttPacketType.Connect);
        }
    }
}
