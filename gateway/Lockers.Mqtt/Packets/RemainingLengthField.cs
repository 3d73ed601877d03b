namespace Lockers.Mqtt.Packets;

/// <summary>
/// The fixed header's Remaining Length field (spec 2.2.3): 7 bits per byte, least significant
/// group first, the high bit saying "another byte follows", at most 4 bytes.
/// </summary>
/// <remarks>
/// Non-minimal encodings (for example <c>0x80 0x00</c> for 0) are accepted on decode: the rule that
/// the minimum number of bytes MUST be used arrived with MQTT 5 (MQTT-1.5.5-1); 3.1.1 has no such
/// rule, and the 4-byte cap keeps them harmless. The encoder always writes the minimal form.
/// </remarks>
internal static class RemainingLengthField
{
    /// <summary>The longest encoding the spec allows.</summary>
    public const int MaxBytes = 4;

    /// <summary>Bytes needed to encode <paramref name="value"/> (1..4).</summary>
    public static int GetEncodedSize(int value) => value switch
    {
        < 0 or > MqttPacketCodec.MaxRemainingLength =>
            throw new ArgumentException($"remaining length {value} is outside 0..{MqttPacketCodec.MaxRemainingLength}", nameof(value)),
        < 128 => 1,
        < 16_384 => 2,
        < 2_097_152 => 3,
        _ => 4,
    };

    /// <summary>Writes the minimal encoding of <paramref name="value"/>; returns the bytes written.</summary>
    public static int Write(Span<byte> destination, int value)
    {
        int written = 0;
        do
        {
            byte digit = (byte)(value & 0x7F);
            value >>= 7;
            if (value > 0)
            {
                digit |= 0x80;
            }
            destination[written++] = digit;
        }
        while (value > 0);
        return written;
    }

    /// <summary>
    /// Reads the field from <paramref name="source"/>, which holds the bytes after the first header byte
    /// (any number of them). Returns false when the field is not complete yet, with <paramref name="value"/>
    /// holding the digits seen so far (a lower bound) and <paramref name="fieldLength"/> their count;
    /// throws when it continues past 4 bytes.
    /// </summary>
    public static bool TryRead(ReadOnlySpan<byte> source, out int value, out int fieldLength)
    {
        value = 0;
        for (int i = 0; i < MaxBytes; i++)
        {
            if (i >= source.Length)
            {
                fieldLength = i;
                return false;
            }
            byte digit = source[i];
            value |= (digit & 0x7F) << (7 * i);
            if ((digit & 0x80) == 0)
            {
                fieldLength = i + 1;
                return true;
            }
        }
        throw new MqttProtocolException("remaining length continues past 4 bytes (spec 2.2.3 allows at most 4)");
    }
}
