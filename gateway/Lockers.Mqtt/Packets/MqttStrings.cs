using System.Text;
using System.Text.Unicode;

namespace Lockers.Mqtt.Packets;

/// <summary>
/// The rules for UTF-8 encoded strings (spec 1.5.3): a 2-byte length prefix, at most 65,535 bytes of
/// well-formed UTF-8, no U+0000 and no surrogate code points.
/// </summary>
internal static class MqttStrings
{
    /// <summary>The longest string or binary field a 2-byte length prefix can describe.</summary>
    public const int MaxFieldBytes = ushort.MaxValue;

    /// <summary>
    /// Returns the UTF-8 byte count of <paramref name="value"/>, or throws <see cref="ArgumentException"/>
    /// naming <paramref name="what"/> when the string cannot be sent (NUL, lone surrogate, too long).
    /// </summary>
    public static int GetValidatedByteCount(string value, string what)
    {
        string? error = GetError(value, out int byteCount);
        return error is null ? byteCount : throw new ArgumentException($"{what} {error}");
    }

    /// <summary>
    /// Checks a .NET string against spec 1.5.3 and counts its UTF-8 bytes in one pass.
    /// Returns null when valid, otherwise a description of the problem.
    /// </summary>
    public static string? GetError(ReadOnlySpan<char> value, out int byteCount)
    {
        byteCount = 0;
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (c == '\0')
            {
                return $"contains U+0000 at index {i}";
            }
            if (c < 0x80)
            {
                byteCount += 1;
            }
            else if (c < 0x800)
            {
                byteCount += 2;
            }
            else if (char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                byteCount += 4;
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                return $"contains a lone surrogate U+{(int)c:X4} at index {i}";
            }
            else
            {
                byteCount += 3;
            }
        }
        return byteCount > MaxFieldBytes ? $"is {byteCount} bytes of UTF-8, more than the maximum of {MaxFieldBytes}" : null;
    }

    /// <summary>Writes an already validated string's UTF-8 bytes; returns how many were written.</summary>
    public static int WriteUtf8(string value, Span<byte> destination) => Encoding.UTF8.GetBytes(value, destination);

    /// <summary>Null when received string bytes obey spec 1.5.3, otherwise the problem.</summary>
    public static string? GetDecodeError(ReadOnlySpan<byte> utf8)
    {
        // Only an encoded U+0000 yields a zero byte in well-formed UTF-8 (the overlong C0 80 is ill-formed).
        int nul = utf8.IndexOf((byte)0);
        if (nul >= 0)
        {
            return $"contains U+0000 at byte {nul} (spec 1.5.3)";
        }
        return Utf8.IsValid(utf8) ? null : "is not well-formed UTF-8 (spec 1.5.3)";
    }

    /// <summary>Turns bytes that passed <see cref="GetDecodeError"/> into a string.</summary>
    public static string DecodeValidated(ReadOnlySpan<byte> utf8) => utf8.IsEmpty ? string.Empty : Encoding.UTF8.GetString(utf8);
}
