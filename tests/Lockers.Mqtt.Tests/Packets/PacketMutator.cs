namespace Lockers.Mqtt.Tests.Packets;

/// <summary>
/// Produces fuzz inputs from a seeded <see cref="Random"/>: random bytes and mutations of valid
/// encoded packets (bit flips, truncations, insertions, deletions, length-field corruptions,
/// interesting bytes, splices). The same seed always yields the same inputs.
/// </summary>
internal sealed class PacketMutator(Random random, IReadOnlyList<byte[]> corpus)
{
    /// <summary>First bytes with legal type and flags, so random bodies get past the fixed header.</summary>
    private static readonly byte[] PlausibleFirstBytes =
        [0x10, 0x20, 0x30, 0x31, 0x32, 0x33, 0x34, 0x35, 0x3A, 0x3B, 0x3C, 0x3D, 0x40, 0x50, 0x62, 0x70, 0x82, 0x90, 0xA2, 0xB0, 0xC0, 0xD0, 0xE0];

    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x02, 0x03, 0x7F, 0x80, 0xFF, 0xFE, 0x2B, 0x23, 0x2F, 0x24, 0xC0, 0xED, 0xF4];

    public byte[] Next() => random.Next(10) switch
    {
        0 => RandomBytes(),
        1 => PlausibleRandomPacket(),
        _ => Mutate(Pick(), random.Next(1, 4)),
    };

    private byte[] Pick() => corpus[random.Next(corpus.Count)];

    private byte[] Mutate(byte[] input, int rounds)
    {
        byte[] bytes = input;
        for (int round = 0; round < rounds; round++)
        {
            bytes = random.Next(8) switch
            {
                0 => FlipBits(bytes),
                1 => Truncate(bytes),
                2 => Insert(bytes),
                3 => Delete(bytes),
                4 => CorruptRemainingLength(bytes),
                5 => CorruptInnerLength(bytes),
                6 => SetInterestingByte(bytes),
                _ => Splice(bytes, Pick()),
            };
        }
        return bytes;
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[random.Next(0, 64)];
        random.NextBytes(bytes);
        return bytes;
    }

    private byte[] PlausibleRandomPacket()
    {
        var body = new byte[random.Next(0, 40)];
        random.NextBytes(body);
        return [PlausibleFirstBytes[random.Next(PlausibleFirstBytes.Length)], (byte)body.Length, .. body];
    }

    private byte[] FlipBits(byte[] input)
    {
        if (input.Length == 0)
        {
            return input;
        }
        byte[] bytes = (byte[])input.Clone();
        int flips = random.Next(1, 5);
        for (int i = 0; i < flips; i++)
        {
            bytes[random.Next(bytes.Length)] ^= (byte)(1 << random.Next(8));
        }
        return bytes;
    }

    private byte[] Truncate(byte[] input) => input[..random.Next(0, input.Length + 1)];

    private byte[] Insert(byte[] input)
    {
        var extra = new byte[random.Next(1, 9)];
        random.NextBytes(extra);
        int at = random.Next(input.Length + 1);
        return [.. input[..at], .. extra, .. input[at..]];
    }

    private byte[] Delete(byte[] input)
    {
        if (input.Length == 0)
        {
            return input;
        }
        int at = random.Next(input.Length);
        int count = random.Next(1, Math.Min(8, input.Length - at) + 1);
        return [.. input[..at], .. input[(at + count)..]];
    }

    /// <summary>Replaces the remaining length with a random 1..4 byte varint, sometimes non-minimal or unterminated.</summary>
    private byte[] CorruptRemainingLength(byte[] input)
    {
        if (input.Length < 2)
        {
            return input;
        }
        int oldFieldLength = 1;
        while (oldFieldLength < 4 && 1 + oldFieldLength < input.Length && (input[oldFieldLength] & 0x80) != 0)
        {
            oldFieldLength++;
        }
        var field = new byte[random.Next(1, 6)];
        random.NextBytes(field);
        for (int i = 0; i < field.Length - 1; i++)
        {
            field[i] |= 0x80;
        }
        if (random.Next(2) == 0)
        {
            field[^1] &= 0x7F;
        }
        return [input[0], .. field, .. input[Math.Min(input.Length, 1 + oldFieldLength)..]];
    }

    /// <summary>Overwrites two bytes in the body with a random big-endian length (string, id or binary field).</summary>
    private byte[] CorruptInnerLength(byte[] input)
    {
        if (input.Length < 4)
        {
            return input;
        }
        byte[] bytes = (byte[])input.Clone();
        int at = random.Next(2, bytes.Length - 1);
        int value = random.Next(3) switch { 0 => 0, 1 => 0xFFFF, _ => random.Next(0x10000) };
        bytes[at] = (byte)(value >> 8);
        bytes[at + 1] = (byte)value;
        return bytes;
    }

    private byte[] SetInterestingByte(byte[] input)
    {
        if (input.Length == 0)
        {
            return input;
        }
        byte[] bytes = (byte[])input.Clone();
        bytes[random.Next(bytes.Length)] = InterestingBytes[random.Next(InterestingBytes.Length)];
        return bytes;
    }

    private byte[] Splice(byte[] first, byte[] second) =>
        [.. first[..random.Next(first.Length + 1)], .. second[random.Next(second.Length + 1)..]];
}
