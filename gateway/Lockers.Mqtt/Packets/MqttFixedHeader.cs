using System.Buffers;

namespace Lockers.Mqtt.Packets;

/// <summary>The fixed header (spec 2.2): the type and flags byte followed by the remaining length.</summary>
/// <param name="FirstByte">Packet type in the high nibble, flags in the low nibble.</param>
/// <param name="RemainingLength">Bytes of variable header plus payload.</param>
/// <param name="Length">Bytes the fixed header itself occupies (2..5).</param>
internal readonly record struct MqttFixedHeader(byte FirstByte, int RemainingLength, int Length)
{
    /// <summary>Flags that PUBREL, SUBSCRIBE and UNSUBSCRIBE must carry (spec 2.2.2).</summary>
    public const byte RequiredFlagsForAcknowledgedRequests = 0b0010;

    /// <summary>The packet type from the high nibble.</summary>
    public MqttPacketType Type => (MqttPacketType)(FirstByte >> 4);

    /// <summary>The low nibble.</summary>
    public int Flags => FirstByte & 0x0F;

    /// <summary>The whole packet's size on the wire.</summary>
    public long TotalLength => (long)Length + RemainingLength;

    /// <summary>
    /// Reads the fixed header from the start of <paramref name="buffer"/>. Returns false when it is
    /// incomplete. Throws as soon as the bytes so far prove the packet malformed or larger than
    /// <paramref name="maxPacketSize"/>, so a bad stream fails fast instead of waiting for bytes that
    /// may never come.
    /// </summary>
    public static bool TryRead(in ReadOnlySequence<byte> buffer, int maxPacketSize, out MqttFixedHeader header)
    {
        header = default;
        if (buffer.IsEmpty)
        {
            return false;
        }
        Span<byte> bytes = stackalloc byte[1 + RemainingLengthField.MaxBytes];
        int available = (int)Math.Min(buffer.Length, bytes.Length);
        buffer.Slice(0, available).CopyTo(bytes);
        ValidateFirstByte(bytes[0]);
        var type = (MqttPacketType)(bytes[0] >> 4);
        if (!RemainingLengthField.TryRead(bytes[1..available], out int remaining, out int fieldLength))
        {
            // Every further length byte only adds, so the digits so far plus one more header byte are a lower bound.
            long atLeast = 1L + fieldLength + 1 + remaining;
            if (fieldLength > 0 && atLeast > maxPacketSize)
            {
                throw TooLarge(type, $"at least {atLeast}", maxPacketSize);
            }
            return false;
        }
        header = new MqttFixedHeader(bytes[0], remaining, 1 + fieldLength);
        if (header.TotalLength > maxPacketSize)
        {
            throw TooLarge(type, header.TotalLength.ToString(System.Globalization.CultureInfo.InvariantCulture), maxPacketSize);
        }
        return true;
    }

    private static MqttProtocolException TooLarge(MqttPacketType type, string size, int maxPacketSize) =>
        new($"{MqttPacketNames.Of(type)} packet of {size} bytes exceeds the maximum of {maxPacketSize}");

    /// <summary>The first byte of a packet: type and flags as the encoder writes them.</summary>
    public static byte ComposeFirstByte(MqttPacketType type, int flags) => (byte)(((int)type << 4) | flags);

    private static void ValidateFirstByte(byte firstByte)
    {
        int type = firstByte >> 4;
        int flags = firstByte & 0x0F;
        if (type is 0 or 15)
        {
            throw new MqttProtocolException($"packet type {type} is reserved (spec 2.2.1)");
        }
        var packetType = (MqttPacketType)type;
        switch (packetType)
        {
            case MqttPacketType.Publish:
                ValidatePublishFlags(flags);
                break;
            case MqttPacketType.PubRel or MqttPacketType.Subscribe or MqttPacketType.Unsubscribe:
                if (flags != RequiredFlagsForAcknowledgedRequests)
                {
                    throw new MqttProtocolException(
                        $"{MqttPacketNames.Of(packetType)} fixed-header flags are 0x{flags:X}, must be 0x2 (spec 2.2.2)");
                }
                break;
            default:
                if (flags != 0)
                {
                    throw new MqttProtocolException(
                        $"{MqttPacketNames.Of(packetType)} fixed-header flags are 0x{flags:X}, must be 0 (spec 2.2.2)");
                }
                break;
        }
    }

    private static void ValidatePublishFlags(int flags)
    {
        int qos = (flags >> 1) & 0b11;
        if (qos == 3)
        {
            throw new MqttProtocolException("PUBLISH with QoS 3 (both QoS bits set) is malformed (spec 3.3.1.2)");
        }
        bool dup = (flags & 0b1000) != 0;
        if (dup && qos == 0)
        {
            throw new MqttProtocolException("PUBLISH with QoS 0 must have DUP 0 (spec 3.3.1.1)");
        }
    }
}
