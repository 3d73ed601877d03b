namespace Lockers.Core.App
{
    /// <summary>
    /// What the display returns to, and when. A transient message (checking, door opened, refused, the keypad's echo) is
    /// held for a while (<see cref="Hold"/>); then the display goes back to its resting text: the text the gateway asked to
    /// keep (a courier round's current step, ADR 0311) until that text's own expiry, else idle. The resting text has an
    /// expiry so a gateway gone silent never leaves a round's guidance up for good. Times are uptime milliseconds; nothing
    /// is allocated here (the text is the one already shown). Not thread-safe: the controller's lock covers it.
    /// </summary>
    internal sealed class DisplayRest
    {
        private long _dueAtMs = -1;
        private string? _resting;
        private long _restingUntilMs;

        /// <summary>The resting text shown when the display's time is up, or null (idle); it may have expired.</summary>
        public string? Resting => _resting;

        /// <summary>A transient message went up at <paramref name="nowMs"/>: it stays <paramref name="forMs"/>, then the resting text (or idle) returns.</summary>
        public void Hold(long nowMs, long forMs) => _dueAtMs = nowMs + forMs;

        /// <summary>
        /// <paramref name="text"/>, shown now, becomes the resting text until <paramref name="nowMs"/> + <paramref name="forMs"/>;
        /// the display goes idle then unless something replaces it first.
        /// </summary>
        public void Rest(string text, long nowMs, long forMs)
        {
            _resting = text;
            _restingUntilMs = nowMs + forMs;
            _dueAtMs = _restingUntilMs;
        }

        /// <summary>No resting text any more: once the current message's hold is over, the display goes idle.</summary>
        public void EndRest() => _resting = null;

        /// <summary>True when the display should change at <paramref name="nowMs"/>; then call <see cref="TakeDue"/>.</summary>
        public bool IsDue(long nowMs) => _dueAtMs >= 0 && nowMs >= _dueAtMs;

        /// <summary>
        /// What the display shows now that its time is up: the resting text while it lasts (and the display becomes due again
        /// at its expiry), or null for idle (the resting text, if any, is dropped).
        /// </summary>
        public string? TakeDue(long nowMs)
        {
            if (_resting != null && nowMs < _restingUntilMs)
            {
                _dueAtMs = _restingUntilMs;
                return _resting;
            }

            _resting = null;
            _dueAtMs = -1;
            return null;
        }
    }
}
