using System;
using Lockers.Core.Ports;

namespace Lockers.Firmware.Platform
{
    /// <summary>
    /// Uptime from the runtime's millisecond tick counter (monotonic, unaffected by SNTP) and wall time from the
    /// RTC that SNTP sets once Wi-Fi is up. Before SNTP the RTC counts from 1970/2000, hence the year test.
    /// </summary>
    public sealed class NativeClock : IClock
    {
        /// <inheritdoc/>
        public long UptimeMs => Environment.TickCount64;

        /// <inheritdoc/>
        public DateTime UtcNow => DateTime.UtcNow;

        /// <inheritdoc/>
        public bool HasWallTime => DateTime.UtcNow.Year > 2020;
    }
}
