using Lockers.Core.Protocol;

namespace Lockers.Core.Acks
{
    /// <summary>
    /// Reads a plain ack straight from its UTF-8 bytes without making strings: the epoch is left where it is (start and
    /// length), the signature is decoded into a reused 32-byte buffer. It takes only what the gateway writes: one object
    /// of epoch, seq, replay and sig in any order and spacing, ASCII strings without escapes. It declines anything else
    /// (false), and <see cref="AckVerifier"/> hands that to the general parser, so this reader only has to be right about
    /// what it accepts (the same two tiers as commands, ADR 0005). Not thread-safe.
    /// </summary>
    internal sealed class AckReader
    {
        private const int SignatureBytes = 32;

        public int EpochStart { get; private set; }

        public int EpochLength { get; private set; }

        public long Seq { get; private set; }

        public bool Replay { get; private set; }

        /// <summary>The decoded signature of the last payload read.</summary>
        public byte[] Signature { get; } = new byte[SignatureBytes];

        /// <summary>True when <paramref name="p"/> is a plain ack with every required field; the properties then hold it.</summary>
        public bool TryRead(byte[] p)
        {
            Replay = false;
            bool hasEpoch = false, hasSeq = false, hasReplay = false, hasSignature = false;
            int i = SkipSpace(p, 0);
            if (i >= p.Length || p[i] != (byte)'{')
            {
                return false;
            }

            i = SkipSpace(p, i + 1);
            while (true)
            {
                if (!ReadString(p, ref i, out int keyStart, out int keyLength))
                {
                    return false;
                }

                i = SkipSpace(p, i);
                if (i >= p.Length || p[i] != (byte)':')
                {
                    return false;
                }

                i = SkipSpace(p, i + 1);
                if (Is(p, keyStart, keyLength, Fields.Epoch) && !hasEpoch)
                {
                    if (!ReadString(p, ref i, out int start, out int length)) return false;
                    EpochStart = start;
                    EpochLength = length;
                    hasEpoch = true;
                }
                else if (Is(p, keyStart, keyLength, Fields.Seq) && !hasSeq)
                {
                    if (!ReadCount(p, ref i, out long seq)) return false;
                    Seq = seq;
                    hasSeq = true;
                }
                else if (Is(p, keyStart, keyLength, Fields.Replay) && !hasReplay)
                {
                    if (!ReadBool(p, ref i, out bool replay)) return false;
                    Replay = replay;
                    hasReplay = true;
                }
                else if (Is(p, keyStart, keyLength, Fields.Signature) && !hasSignature)
                {
                    if (!ReadString(p, ref i, out int start, out int length)) return false;
                    if (Base64Bytes.Decode(p, start, length, Signature) != SignatureBytes) return false;
                    hasSignature = true;
                }
                else
                {
                    return false; // an unknown or repeated field: the general parser decides
                }

                i = SkipSpace(p, i);
                if (i >= p.Length)
                {
                    return false;
                }

                if (p[i] == (byte)',')
                {
                    i = SkipSpace(p, i + 1);
                    continue;
                }

                return p[i] == (byte)'}' && SkipSpace(p, i + 1) == p.Length && hasEpoch && hasSeq && hasSignature;
            }
        }

        private static int SkipSpace(byte[] p, int i)
        {
            while (i < p.Length && (p[i] == (byte)' ' || p[i] == (byte)'\t' || p[i] == (byte)'\n' || p[i] == (byte)'\r')) i++;
            return i;
        }

        // A string of printable ASCII without escapes; on success i is past its closing quote.
        private static bool ReadString(byte[] p, ref int i, out int start, out int length)
        {
            start = 0;
            length = 0;
            if (i >= p.Length || p[i] != (byte)'"')
            {
                return false;
            }

            int end = i + 1;
            while (end < p.Length && p[end] != (byte)'"')
            {
                if (p[end] < 0x20 || p[end] > 0x7e || p[end] == (byte)'\\') return false;
                end++;
            }

            if (end >= p.Length)
            {
                return false;
            }

            start = i + 1;
            length = end - start;
            i = end + 1;
            return true;
        }

        // 1 to 18 digits, no sign, no leading zero (as the gateway's writer makes them).
        private static bool ReadCount(byte[] p, ref int i, out long value)
        {
            value = 0;
            int start = i;
            while (i < p.Length && p[i] >= (byte)'0' && p[i] <= (byte)'9')
            {
                value = value * 10 + (p[i] - (byte)'0');
                i++;
            }

            int digits = i - start;
            return digits >= 1 && digits <= 18 && (digits == 1 || p[start] != (byte)'0');
        }

        private static bool ReadBool(byte[] p, ref int i, out bool value)
        {
            value = Matches(p, i, "true");
            if (value)
            {
                i += 4;
                return true;
            }

            if (Matches(p, i, "false"))
            {
                i += 5;
                return true;
            }

            return false;
        }

        private static bool Is(byte[] p, int start, int length, string name) => length == name.Length && Matches(p, start, name);

        private static bool Matches(byte[] p, int start, string text)
        {
            if (start + text.Length > p.Length)
            {
                return false;
            }

            for (int k = 0; k < text.Length; k++)
            {
                if (p[start + k] != (byte)text[k]) return false;
            }

            return true;
        }
    }
}
