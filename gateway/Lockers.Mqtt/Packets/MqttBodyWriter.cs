using System.Buffers.Binary;

namespace Lockers.Mqtt.Packets;

/// <summary>
/// Writes a packet into a span the encoder sized exactly beforehand, so there is no bounds
/// bookkeeping beyond the span's own checks.
/// </summary>
internal ref struct MqttBodyWriter
{
    private readonly Span<byte> _destination;
    private int _position;

    public MqttBodyWriter(Span<byte> destination) => _destination = destination;

    /// <summary>Bytes written so far.</summary>
    public readonly int Position => _position;

    /// <summary>The first byte and the remaining length.</summary>
    public void WriteFixedHeader(MqttPacketType type, int flags, int remainingLength)
    {
        WriteByte(MqttFixedHeader.ComposeFirstByte(type, flags));
        _position += RemainingLengthField.Write(_destination[_position..], remainingLength);
    }

    public void WriteByte(byte value) => _destination[_position++] = value;

    public void WriteUInt16(ushort value)
    {
        BinaryPrimitives.WriteUInt16BigEndian(_destination[_position..], value);
        _position += 2;
    }

    /// <summary>A validated string with its 2-byte length prefix.</summary>
    public void WriteString(string value)
    {
        int length = MqttStrings.WriteUtf8(value, _destination[(_position + 2)..]);
        BinaryPrimitives.WriteUInt16BigEndian(_destination[_position..], (ushort)length);
        _position += 2 + length;
    }

    /// <summary>Binary data with its 2-byte length prefix.</summary>
    public void WriteBinary(ReadOnlySpan<byte> value)
    {
        WriteUInt16((ushort)value.Length);
        WriteBytes(value);
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        value.CopyTo(_destination[_position..]);
        _position += value.Length;
    }
}
