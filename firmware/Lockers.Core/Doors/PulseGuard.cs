using System;
using Lockers.Core.Ports;

namespace Lockers.Core.Doors
{
    /// <summary>
    /// The only way the core energises a solenoid. Each pulse arms the host's <see cref="IPulseTimer"/> before the coil
    /// goes on, and the timer's own thread releases the coil when the pulse is over, whether or not the main loop ever
    /// polls again (it may be stalled, or hold the controller's lock). The door controller still ends pulses itself
    /// (at the pulse end or as soon as the door opens); whichever comes first wins and the other does nothing.
    /// Thread-safe: one small lock of its own, never held while waiting for anything but the solenoid port, which must
    /// therefore accept calls from the timer's thread (docs/adr/0007-pulse-cut-off.md).
    /// </summary>
    public sealed class PulseGuard
    {
        private readonly object _sync = new object();
        private readonly ISolenoidPort _solenoids;
        private readonly IPulseTimer _timer;
        private readonly IClock _clock;
        private int _active;
        private long _endsAtMs = -1;
        private long _releasedAtMs = -1;
        private int _cutOffs;
        private bool _cutOffFailed;

        /// <summary>Guards <paramref name="solenoids"/> with <paramref name="timer"/>; <paramref name="clock"/> tells the timer's thread the time.</summary>
        public PulseGuard(ISolenoidPort solenoids, IPulseTimer timer, IClock clock)
        {
            if (solenoids == null) throw new ArgumentNullException(nameof(solenoids));
            if (timer == null) throw new ArgumentNullException(nameof(timer));
            if (clock == null) throw new ArgumentNullException(nameof(clock));
            _solenoids = solenoids;
            _timer = timer;
            _clock = clock;
            _timer.Elapsed += OnTimerElapsed;
        }

        /// <summary>
        /// Pulses the timer ended because the main loop had not (a stalled or late loop). A diagnostic: the tests read
        /// it; telemetry could report it.
        /// </summary>
        public int CutOffCount
        {
            get { lock (_sync) return _cutOffs; }
        }

        /// <summary>
        /// Energises <paramref name="compartment"/> for <paramref name="pulseMs"/> from <paramref name="nowMs"/> (uptime):
        /// the cut-off is armed first, then the coil goes on. A coil still on is released first (one at a time, always).
        /// Exceptions from the port propagate; call <see cref="AllOff"/> then.
        /// </summary>
        public void Energise(int compartment, int pulseMs, long nowMs)
        {
            if (pulseMs < 1) throw new ArgumentOutOfRangeException(nameof(pulseMs), "must be > 0");
            lock (_sync)
            {
                if (_active != 0 && _active != compartment) ReleaseActive(nowMs);
                _active = compartment;
                _endsAtMs = nowMs + pulseMs;
                _timer.Start(pulseMs);
                _solenoids.SetEnergised(compartment, true);
            }
        }

        /// <summary>
        /// Ends the pulse of <paramref name="compartment"/> at <paramref name="nowMs"/> unless the timer already did.
        /// Returns when the coil was actually released (uptime ms). Exceptions from the port propagate, and so does a
        /// failure of the timer's own release (as an InvalidOperationException), so the caller reports it.
        /// </summary>
        public long Release(int compartment, long nowMs)
        {
            lock (_sync)
            {
                if (_active != compartment)
                {
                    if (!_cutOffFailed) return _releasedAtMs;
                    _cutOffFailed = false;
                    throw new InvalidOperationException("the pulse cut-off could not release compartment " + compartment);
                }

                _timer.Cancel();
                ReleaseActive(nowMs);
                return nowMs;
            }
        }

        /// <summary>Disarms the cut-off and releases every lock output. Exceptions from the port propagate.</summary>
        public void AllOff(long nowMs)
        {
            lock (_sync)
            {
                _timer.Cancel();
                if (_active != 0) _releasedAtMs = nowMs;
                _active = 0;
                _endsAtMs = -1;
                _cutOffFailed = false;
                _solenoids.AllOff();
            }
        }

        // Under the lock. The state is cleared first, so a port that throws leaves nothing marked as on.
        private void ReleaseActive(long nowMs)
        {
            int compartment = _active;
            _active = 0;
            _endsAtMs = -1;
            _releasedAtMs = nowMs;
            _solenoids.SetEnergised(compartment, false);
        }

        // On the timer's thread: nothing may escape from here (an exception would end that thread, or the program).
        private void OnTimerElapsed()
        {
            lock (_sync)
            {
                try
                {
                    if (_active == 0) return;
                    long now = _clock.UptimeMs;
                    if (now < _endsAtMs)
                    {
                        // Early, or left over from an earlier pulse: wait for this pulse's own end.
                        _timer.Start((int)(_endsAtMs - now));
                        return;
                    }

                    _cutOffs++;
                    ReleaseActive(now);
                }
                catch (Exception)
                {
                    // Everything off and nothing marked as on; the door controller's Release reports it as a fault.
                    _active = 0;
                    _endsAtMs = -1;
                    _cutOffFailed = true;
                    TryAllOff();
                }
            }
        }

        // Under the lock, on the timer's thread.
        private void TryAllOff()
        {
            try
            {
                _solenoids.AllOff();
            }
            catch (Exception)
            {
                // Nothing more can be done from this thread: the door controller's next Release reports the fault.
            }
        }
    }
}
