using System;

namespace Lockers.Core.Protocol
{
    /// <summary>Unix time conversions that work on nanoFramework (DateTimeOffset is not there).</summary>
    public static class UnixTime
    {
        /// <summary>Ticks of 1970-01-01T00:00:00Z.</summary>
        private const long EpochTicks = 621355968000000000L;

        /// <summary>Milliseconds since the Unix epoch of a UTC time.</summary>
        public static long ToUnixMs(DateTime utc) => (utc.Ticks - EpochTicks) / TimeSpan.TicksPerMillisecond;

        /// <summary>Whole seconds since the Unix epoch of a UTC time (rounded down).</summary>
        public static long ToUnixSeconds(DateTime utc) => (utc.Ticks - EpochTicks) / TimeSpan.TicksPerSecond;
    }
}
