using System.Buffers;

namespace Lockers.Mqtt.Packets;

/// <summary>
/// Encodes and decodes MQTT 3.1.1 control packets. Pure: no I/O, no state, thread-safe.
/// </summary>
public static class MqttPacketCodec
{
    /// <summary>The largest remaining length MQTT 3.1.1 can express (spec 2.2.3): 268,435,455 bytes.</summary>
    public const int MaxRemainingLength = 268_435_455;

    /// <summary>
    /// Writes <paramref name="packet"/> to <paramref name="output"/> and returns the number of bytes written.
    /// Throws <see cref="ArgumentException"/> when the packet cannot be encoded legally
    /// (invalid topic, empty subscription list, packet id 0 where one is required, too long, ...).
    /// </summary>
    public static int Encode(MqttPacket packet, IBufferWriter<byte> output) => throw new NotImplementedException();

    /// <summary>
    /// Tries to decode one packet from the start of <paramref name="buffer"/>.
    /// Returns false when more bytes are needed (nothing consumed). Returns true with the packet and
    /// the position after it. Throws <see cref="MqttProtocolException"/> when the bytes are malformed
    /// or the packet's total size would exceed <paramref name="maxPacketSize"/> (checked from the fixed
    /// header alone, before the body is buffered or allocated).
    /// </summary>
    public static bool TryDecode(in ReadOnlySequence<byte> buffer, int maxPacketSize, out MqttPacket? packet, out SequencePosition consumed)
        => throw new NotImplementedException();
}
