using System;
using Lockers.Core.Ports;

namespace Lockers.Core.Scanner
{
    /// <summary>
    /// Turns the scanner's UART bytes into code lines. CR, LF or CR LF end a line. Only printable ASCII
    /// (0x20..0x7E) is accepted, because every code we issue (PINs, QR tokens, label codes) is ASCII; a
    /// control byte, DEL or any byte &gt;= 0x80 (line noise, a wrong baud rate, a stray UTF-8 label) spoils
    /// the whole line. Over-long and spoiled lines are discarded up to the next terminator. The same code
    /// read again within <see cref="RepeatWindowMs"/> of the last read of it is ignored: a scanner re-reads
    /// a code held in front of it. Every drop is counted and raised as <see cref="Rejected"/>.
    /// Not thread-safe: the host serialises calls with its core lock.
    /// </summary>
    public sealed class ScannerLineReader
    {
        /// <summary>Default longest line in characters.</summary>
        public const int DefaultMaxLength = 256;

        /// <summary>Default window in which a repeat of the same code is ignored.</summary>
        public const long DefaultRepeatWindowMs = 3000;

        private readonly IClock _clock;
        private readonly char[] _line;
        private int _length;
        private bool _discarding;
        private bool _afterCr;
        private string _lastLine = "";
        private long _lastLineMs;

        /// <summary>Creates a reader with the default limits.</summary>
        public ScannerLineReader(IClock clock) : this(clock, DefaultMaxLength, DefaultRepeatWindowMs)
        {
        }

        /// <summary>Creates a reader; <paramref name="repeatWindowMs"/> 0 turns repeat suppression off.</summary>
        public ScannerLineReader(IClock clock, int maxLength, long repeatWindowMs)
        {
            if (clock == null) throw new ArgumentNullException(nameof(clock));
            if (maxLength < 1) throw new ArgumentOutOfRangeException(nameof(maxLength), "must be >= 1");
            if (repeatWindowMs < 0) throw new ArgumentOutOfRangeException(nameof(repeatWindowMs), "must be >= 0");
            _clock = clock;
            _line = new char[maxLength];
            MaxLength = maxLength;
            RepeatWindowMs = repeatWindowMs;
        }

        /// <summary>An accepted line.</summary>
        public event LineReadHandler? LineRead;

        /// <summary>Input was dropped.</summary>
        public event ScanRejectedHandler? Rejected;

        /// <summary>The longest accepted line.</summary>
        public int MaxLength { get; }

        /// <summary>Window for ignoring a repeated code, in milliseconds.</summary>
        public long RepeatWindowMs { get; }

        /// <summary>Lines accepted so far.</summary>
        public int AcceptedCount { get; private set; }

        /// <summary>Lines dropped for being longer than <see cref="MaxLength"/>.</summary>
        public int TooLongCount { get; private set; }

        /// <summary>Lines dropped for a byte outside printable ASCII.</summary>
        public int BadByteCount { get; private set; }

        /// <summary>Empty lines dropped.</summary>
        public int EmptyCount { get; private set; }

        /// <summary>Repeats of the previous code dropped.</summary>
        public int RepeatedCount { get; private set; }

        /// <summary>
        /// Feeds received bytes. Matches <see cref="ScannerBytesHandler"/>, so it can be attached to
        /// <see cref="IScannerPort.BytesReceived"/> (under the host's lock). Copies what it keeps.
        /// </summary>
        public void OnBytes(byte[] buffer, int offset, int count)
        {
            if (buffer == null) throw new ArgumentNullException(nameof(buffer));
            if (offset < 0 || count < 0 || offset + count > buffer.Length) throw new ArgumentOutOfRangeException(nameof(count));
            int end = offset + count;
            for (int i = offset; i < end; i++) OnByte(buffer[i]);
        }

        /// <summary>Drops a partial line (e.g. after the scanner was reset).</summary>
        public void Reset()
        {
            Array.Clear(_line, 0, _line.Length);
            _length = 0;
            _discarding = false;
            _afterCr = false;
        }

        private void OnByte(byte b)
        {
            bool wasAfterCr = _afterCr;
            _afterCr = b == 0x0D;
            if (b == 0x0D || b == 0x0A)
            {
                // LF straight after CR is the second half of a CR LF terminator, not an empty line.
                if (b == 0x0A && wasAfterCr) return;
                EndLine();
                return;
            }

            if (_discarding) return;
            if (b < 0x20 || b > 0x7E)
            {
                Discard(ScanRejectReason.BadByte);
                return;
            }

            if (_length == _line.Length)
            {
                Discard(ScanRejectReason.TooLong);
                return;
            }

            _line[_length++] = (char)b;
        }

        private void EndLine()
        {
            if (_discarding)
            {
                _discarding = false;
                return;
            }

            if (_length == 0)
            {
                Reject(ScanRejectReason.Empty);
                return;
            }

            string line = new string(_line, 0, _length);
            Array.Clear(_line, 0, _length);
            _length = 0;
            long now = _clock.UptimeMs;
            bool repeated = RepeatWindowMs > 0 && line == _lastLine && now - _lastLineMs < RepeatWindowMs;

            // The window runs from the latest read, so a code held in front of the scanner stays suppressed.
            _lastLine = line;
            _lastLineMs = now;
            if (repeated)
            {
                Reject(ScanRejectReason.Repeated);
                return;
            }

            AcceptedCount++;
            LineReadHandler? handler = LineRead;
            if (handler != null) handler(line);
        }

        private void Discard(ScanRejectReason reason)
        {
            Array.Clear(_line, 0, _length);
            _length = 0;
            _discarding = true;
            Reject(reason);
        }

        private void Reject(ScanRejectReason reason)
        {
            switch (reason)
            {
                case ScanRejectReason.TooLong: TooLongCount++; break;
                case ScanRejectReason.BadByte: BadByteCount++; break;
                case ScanRejectReason.Empty: EmptyCount++; break;
                default: RepeatedCount++; break;
            }

            ScanRejectedHandler? handler = Rejected;
            if (handler != null) handler(reason);
        }
    }
}
