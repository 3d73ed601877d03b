using System.Buffers.Binary;

namespace Lockers.Mqtt.Packets;

/// <summary>
/// Reads the fields of one packet's body (variable header and payload), which is complete in memory.
/// Every read checks the bounds and names the field and packet in its error, so a body shorter than
/// its fields gives a clear <see cref="MqttProtocolException"/>, never an index error.
/// </summary>
internal ref struct MqttBodyReader
{
    private readonly ReadOnlySpan<byte> _body;
    private readonly string _packetName;
    private int _position;

    public MqttBodyReader(ReadOnlySpan<byte> body, string packetName)
    {
        _body = body;
        _packetName = packetName;
    }

    /// <summary>Bytes not read yet.</summary>
    public readonly int Remaining => _body.Length - _position;

    /// <summary>True when every byte has been read.</summary>
    public readonly bool IsAtEnd => _position == _body.Length;

    public byte ReadByte(string field)
    {
        Require(1, field);
        return _body[_position++];
    }

    public ushort ReadUInt16(string field)
    {
        Require(2, field);
        ushort value = BinaryPrimitives.ReadUInt16BigEndian(_body[_position..]);
        _position += 2;
        return value;
    }

    /// <summary>A packet identifier, which must be non-zero (spec 2.3.1).</summary>
    public ushort ReadPacketId()
    {
        ushort id = ReadUInt16("packet identifier");
        return id != 0 ? id : throw Malformed("packet identifier is 0; it must be non-zero (spec 2.3.1)");
    }

    /// <summary>A length-prefixed UTF-8 string (spec 1.5.3).</summary>
    public string ReadString(string field)
    {
        ReadOnlySpan<byte> utf8 = ReadPrefixed(field);
        string? error = MqttStrings.GetDecodeError(utf8);
        return error is null ? MqttStrings.DecodeValidated(utf8) : throw Malformed($"{field} {error}");
    }

    /// <summary>Length-prefixed binary data, copied so the caller may reuse its buffer.</summary>
    public ReadOnlyMemory<byte> ReadBinary(string field) => Copy(ReadPrefixed(field));

    /// <summary>All bytes left, copied (the PUBLISH payload).</summary>
    public ReadOnlyMemory<byte> ReadRest()
    {
        var rest = _body[_position..];
        _position = _body.Length;
        return Copy(rest);
    }

    /// <summary>Throws when bytes are left over that no field accounts for.</summary>
    public readonly void EnsureAtEnd()
    {
        if (!IsAtEnd)
        {
            throw Malformed($"{Remaining} unexpected byte(s) after the last field (remaining length {_body.Length})");
        }
    }

    /// <summary>An exception whose message starts with the packet name.</summary>
    public readonly MqttProtocolException Malformed(string problem) => new($"{_packetName}: {problem}");

    private ReadOnlySpan<byte> ReadPrefixed(string field)
    {
        Require(2, field, " length");
        int length = BinaryPrimitives.ReadUInt16BigEndian(_body[_position..]);
        _position += 2;
        Require(length, field);
        var bytes = _body.Slice(_position, length);
        _position += length;
        return bytes;
    }

    // Field names are only formatted into a message on failure: the success path allocates nothing.
    private readonly void Require(int count, string field, string? suffix = null)
    {
        if (Remaining < count)
        {
            throw Malformed(
                $"body ends inside the {field}{suffix} (needs {count} byte(s), {Remaining} left of remaining length {_body.Length})");
        }
    }

    private static ReadOnlyMemory<byte> Copy(ReadOnlySpan<byte> bytes) =>
        bytes.IsEmpty ? ReadOnlyMemory<byte>.Empty : bytes.ToArray();
}
