namespace Lockers.Core.Offline
{
    /// <summary>
    /// Growing delays after PINs the offline cache did not know, for the locker's keypad while it checks codes itself (the
    /// gateway's throttle cannot see them). The schedule is the gateway's default one (docs/adr/0103-keypad-throttle.md):
    /// three free tries for typos, then 5 s, 15 s, 1 min, 5 min and 15 min for every further failure. A match forgets the
    /// failures. Only the keypad counts: a 128-bit QR token cannot be guessed, so the scanner is never held back and a
    /// stranger at the keypad cannot lock the recipient out. Kept in memory on purpose (no flash write per wrong PIN):
    /// a power cycle forgets it, which needs the cabinet opened or its supply cut. Times are uptime milliseconds.
    /// </summary>
    public sealed class OfflineThrottle
    {
        private static readonly long[] DelaysMs = { 0, 0, 0, 5000, 15000, 60000, 300000, 900000 };

        private int _failures;
        private long _blockedUntilMs;

        /// <summary>Consecutive failures since the last match.</summary>
        public int Failures => _failures;

        /// <summary>Milliseconds the keypad must still wait at <paramref name="nowMs"/>; 0 when it may try.</summary>
        public long RemainingMs(long nowMs) => _blockedUntilMs > nowMs ? _blockedUntilMs - nowMs : 0;

        /// <summary>Counts a failure at <paramref name="nowMs"/>; returns the wait it imposes (0 for the free tries).</summary>
        public long RecordFailure(long nowMs)
        {
            _failures++;
            int index = _failures - 1 < DelaysMs.Length ? _failures - 1 : DelaysMs.Length - 1;
            long delay = DelaysMs[index];
            _blockedUntilMs = delay > 0 ? nowMs + delay : 0;
            return delay;
        }

        /// <summary>A code matched: the failures are forgotten.</summary>
        public void Reset()
        {
            _failures = 0;
            _blockedUntilMs = 0;
        }
    }
}
