namespace Lockers.Core.Protocol
{
    /// <summary>
    /// What a cached code is for, one letter in <see cref="CachedCodes"/>' text, and which reader may present it. The same
    /// rule as the gateway's: a PIN only from the keypad, a QR token only from the scanner, drop-off and collect codes from
    /// either (typed, or scanned from the label).
    /// </summary>
    public static class CachedCodeKinds
    {
        /// <summary>The recipient's PIN (keypad only).</summary>
        public const char Pin = 'p';

        /// <summary>The recipient's QR token (scanner only).</summary>
        public const char Qr = 'q';

        /// <summary>The courier's drop-off code (either reader).</summary>
        public const char Dropoff = 'd';

        /// <summary>The carrier's code to collect an expired parcel (either reader).</summary>
        public const char Collect = 'c';

        /// <summary>Every kind, as the documents list them.</summary>
        public static string[] All => new[] { "p", "q", "d", "c" };

        /// <summary>True for one of the four letters.</summary>
        public static bool IsKnown(char kind) => kind == Pin || kind == Qr || kind == Dropoff || kind == Collect;

        /// <summary>True when a code of <paramref name="kind"/> may be presented at a scanner (true) or a keypad (false).</summary>
        public static bool Fits(char kind, bool fromScanner)
        {
            if (kind == Pin) return !fromScanner;
            if (kind == Qr) return fromScanner;
            return IsKnown(kind);
        }
    }
}
