namespace Lockers.Core.Scanner
{
    /// <summary>Why the scanner line reader dropped input.</summary>
    public enum ScanRejectReason
    {
        /// <summary>The line grew past the maximum length; the rest up to the next terminator was discarded.</summary>
        TooLong,
        /// <summary>A control byte or a byte outside printable ASCII; the line was discarded.</summary>
        BadByte,
        /// <summary>A terminator with nothing before it (CR LF counts as one terminator, not as an empty line).</summary>
        Empty,
        /// <summary>The same code as the previous one, within the repeat window (the scanner re-reads a held code).</summary>
        Repeated,
    }
}
