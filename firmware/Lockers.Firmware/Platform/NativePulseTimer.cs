using System.Threading;
using Lockers.Core.Ports;

namespace Lockers.Firmware.Platform
{
    /// <summary>
    /// The core's pulse cut-off timer on nanoFramework: one System.Threading.Timer, re-armed with Change for each pulse
    /// (no allocation per pulse). The runtime runs a timer's callback on a managed thread of its own, so the coil is
    /// released while the main loop is stalled or holds the controller's lock; not while a native call hangs the whole
    /// runtime (see docs/adr/0007-pulse-cut-off.md).
    /// </summary>
    public sealed class NativePulseTimer : IPulseTimer
    {
        private readonly Timer _timer;

        /// <summary>Creates the timer, disarmed.</summary>
        public NativePulseTimer()
        {
            _timer = new Timer(OnTick, null, Timeout.Infinite, Timeout.Infinite);
        }

        /// <inheritdoc/>
        public event PulseTimerHandler Elapsed;

        /// <inheritdoc/>
        public void Start(int dueMs)
        {
            _timer.Change(dueMs, Timeout.Infinite);
        }

        /// <inheritdoc/>
        public void Cancel()
        {
            _timer.Change(Timeout.Infinite, Timeout.Infinite);
        }

        private void OnTick(object state)
        {
            PulseTimerHandler handler = Elapsed;
            if (handler != null)
            {
                handler();
            }
        }
    }
}
