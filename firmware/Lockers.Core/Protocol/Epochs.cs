namespace Lockers.Core.Protocol
{
    /// <summary>
    /// Event epochs: an event's identity is (locker, epoch, seq). A locker picks a new epoch at random whenever its
    /// sequence counter starts over (first boot, or the counter found unreadable), so a reset counter can never make
    /// a new event look like an old one. An epoch is 16 lowercase hex digits (64 random bits); "" is the epoch of a
    /// locker that kept numbering from before epochs existed (see docs/adr/0011-journal-until-the-gateway-acknowledges.md).
    /// </summary>
    public static class Epochs
    {
        /// <summary>Characters of an epoch.</summary>
        public const int Length = 16;

        /// <summary>The epoch of numbering that began before epochs existed (firmware upgraded in place).</summary>
        public const string Legacy = "";

        /// <summary>True for "" or exactly 16 characters of 0-9 a-f.</summary>
        public static bool IsValid(string epoch)
        {
            if (epoch == null)
            {
                return false;
            }

            if (epoch.Length == 0)
            {
                return true;
            }

            if (epoch.Length != Length)
            {
                return false;
            }

            for (int i = 0; i < epoch.Length; i++)
            {
                char c = epoch[i];
                if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f')))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>16 lowercase hex digits of <paramref name="bytes"/> (its first 8 bytes).</summary>
        public static string FromBytes(byte[] bytes)
        {
            var chars = new char[Length];
            for (int i = 0; i < Length / 2; i++)
            {
                chars[2 * i] = HexDigit(bytes[i] >> 4);
                chars[2 * i + 1] = HexDigit(bytes[i] & 0x0f);
            }

            return new string(chars, 0, Length);
        }

        private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
    }
}
