using System;
using Lockers.Core.Ports;

namespace Lockers.Core.Watchdog
{
    /// <summary>
    /// A watchdog in software, since nanoFramework has no managed hardware-watchdog API: the main loop calls
    /// <see cref="Feed"/> every pass, and a host timer thread calls <see cref="Check"/>; when the loop has not
    /// fed it for <see cref="TimeoutMs"/>, Check reboots the controller. After the reboot the door controller
    /// starts with every output off, so a hung loop can never leave a solenoid energised.
    /// Thread-safe: Feed and Check may run on different threads (a long is not written atomically on the ESP32).
    /// </summary>
    public sealed class SoftwareWatchdog
    {
        /// <summary>Default time the loop may go without feeding.</summary>
        public const long DefaultTimeoutMs = 10000;

        private readonly object _sync = new object();
        private readonly ISystemPort _system;
        private long _lastFedMs;
        private bool _tripped;

        /// <summary>Creates a watchdog with the default timeout, counted from <paramref name="nowMs"/>.</summary>
        public SoftwareWatchdog(ISystemPort system, long nowMs) : this(system, DefaultTimeoutMs, nowMs)
        {
        }

        /// <summary>Creates a watchdog counting <paramref name="timeoutMs"/> (&gt; 0) from <paramref name="nowMs"/>.</summary>
        public SoftwareWatchdog(ISystemPort system, long timeoutMs, long nowMs)
        {
            if (system == null) throw new ArgumentNullException(nameof(system));
            if (timeoutMs <= 0) throw new ArgumentOutOfRangeException(nameof(timeoutMs), "must be > 0");
            _system = system;
            TimeoutMs = timeoutMs;
            _lastFedMs = nowMs;
        }

        /// <summary>How long the loop may go without feeding.</summary>
        public long TimeoutMs { get; }

        /// <summary>When the loop last fed the watchdog (uptime ms).</summary>
        public long LastFedMs
        {
            get
            {
                lock (_sync) return _lastFedMs;
            }
        }

        /// <summary>True once the watchdog has asked for a reboot.</summary>
        public bool Tripped
        {
            get
            {
                lock (_sync) return _tripped;
            }
        }

        /// <summary>The main loop is alive at <paramref name="nowMs"/>.</summary>
        public void Feed(long nowMs)
        {
            lock (_sync)
            {
                if (nowMs > _lastFedMs) _lastFedMs = nowMs;
            }
        }

        /// <summary>
        /// Reboots through <see cref="ISystemPort.Reboot"/> when the loop has not fed within the timeout.
        /// Reboots once only; returns true when it did (or had already) tripped.
        /// </summary>
        public bool Check(long nowMs)
        {
            lock (_sync)
            {
                if (_tripped) return true;
                if (nowMs - _lastFedMs < TimeoutMs) return false;
                _tripped = true;
            }

            // Outside the lock: Reboot does not return on the device, and must not run with a lock held elsewhere.
            _system.Reboot();
            return true;
        }
    }
}
