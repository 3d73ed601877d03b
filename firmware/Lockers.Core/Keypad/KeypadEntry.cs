using System;
using Lockers.Core.Ports;

namespace Lockers.Core.Keypad
{
    /// <summary>
    /// Collects a code typed on the keypad: digits up to <see cref="MaxLength"/>, '*' clears, '#' submits.
    /// An entry is discarded on submit, on '*', on a digit too many and after <see cref="TimeoutMs"/> without
    /// a key, so one user's digits never end up in the next user's code. Digits live in a fixed char[] that
    /// is zeroed whenever the entry ends, and a key press allocates nothing (the masks are built once).
    /// Not thread-safe: the host serialises calls with its core lock.
    /// </summary>
    public sealed class KeypadEntry
    {
        /// <summary>Default longest entry; longer than any PIN or drop-off code we issue.</summary>
        public const int DefaultMaxLength = 12;

        /// <summary>Default inactivity timeout in milliseconds.</summary>
        public const long DefaultTimeoutMs = 10000;

        private readonly IFeedbackPort _feedback;
        private readonly char[] _digits;
        private readonly string[] _masks;
        private int _length;
        private long _lastKeyMs;

        /// <summary>Creates an entry with the default maximum length and timeout.</summary>
        public KeypadEntry(IFeedbackPort feedback) : this(feedback, DefaultMaxLength, DefaultTimeoutMs)
        {
        }

        /// <summary>Creates an entry; <paramref name="maxLength"/> 1..64 digits, <paramref name="timeoutMs"/> &gt; 0.</summary>
        public KeypadEntry(IFeedbackPort feedback, int maxLength, long timeoutMs)
        {
            if (feedback == null) throw new ArgumentNullException(nameof(feedback));
            if (maxLength < 1 || maxLength > 64) throw new ArgumentOutOfRangeException(nameof(maxLength), "must be 1..64");
            if (timeoutMs <= 0) throw new ArgumentOutOfRangeException(nameof(timeoutMs), "must be > 0");
            _feedback = feedback;
            MaxLength = maxLength;
            TimeoutMs = timeoutMs;
            _digits = new char[maxLength];
            _masks = new string[maxLength + 1];
            for (int i = 0; i <= maxLength; i++) _masks[i] = new string('*', i);
        }

        /// <summary>Raised when '#' submits a non-empty entry, after the entry has been cleared.</summary>
        public event CodeEnteredHandler? CodeEntered;

        /// <summary>The longest entry accepted, in digits.</summary>
        public int MaxLength { get; }

        /// <summary>Milliseconds without a key after which a partial entry is discarded.</summary>
        public long TimeoutMs { get; }

        /// <summary>How many digits are in the entry now.</summary>
        public int Length => _length;

        /// <summary>Handles one key press at uptime <paramref name="nowMs"/>; gives feedback for every key.</summary>
        public KeypadResult OnKey(char key, long nowMs)
        {
            // A stale entry is dropped before the key counts, even if Poll has not run since the timeout.
            Poll(nowMs);
            _lastKeyMs = nowMs;

            if (key >= '0' && key <= '9') return AddDigit(key);
            if (key == '*')
            {
                Discard();
                _feedback.Beep(BeepKind.Key);
                return KeypadResult.Cleared;
            }

            if (key == '#') return Submit();
            _feedback.Beep(BeepKind.Error);
            return KeypadResult.Ignored;
        }

        /// <summary>
        /// Discards a partial entry once <see cref="TimeoutMs"/> has passed since the last key.
        /// Call it from the main loop; returns true when it discarded something.
        /// </summary>
        public bool Poll(long nowMs)
        {
            if (_length == 0 || nowMs - _lastKeyMs < TimeoutMs) return false;
            Discard();
            return true;
        }

        /// <summary>Discards the entry at once (e.g. when the locker goes out of service).</summary>
        public void Reset()
        {
            if (_length > 0) Discard();
        }

        private KeypadResult AddDigit(char digit)
        {
            if (_length == MaxLength)
            {
                // Nobody's code is this long: a wrong code or a mashed keypad. Start over rather than truncate.
                Discard();
                _feedback.Beep(BeepKind.Error);
                return KeypadResult.TooLong;
            }

            _digits[_length++] = digit;
            _feedback.Beep(BeepKind.Key);
            _feedback.ShowText(_masks[_length]);
            return KeypadResult.DigitAdded;
        }

        private KeypadResult Submit()
        {
            if (_length == 0)
            {
                _feedback.Beep(BeepKind.Error);
                return KeypadResult.NothingToSubmit;
            }

            string code = new string(_digits, 0, _length);
            Discard();
            _feedback.Beep(BeepKind.Key);
            CodeEnteredHandler? handler = CodeEntered;
            if (handler != null) handler(code);
            return KeypadResult.Submitted;
        }

        private void Discard()
        {
            Array.Clear(_digits, 0, _digits.Length);
            _length = 0;
            _feedback.ShowText(_masks[0]);
        }
    }
}
