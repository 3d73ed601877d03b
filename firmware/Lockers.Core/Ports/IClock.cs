using System;

namespace Lockers.Core.Ports
{
    /// <summary>
    /// Time for the core. The core never reads DateTime.UtcNow or the tick counter itself, so tests move
    /// time by hand and nothing sleeps.
    /// </summary>
    public interface IClock
    {
        /// <summary>Milliseconds since boot; monotonic, never goes back, unaffected by SNTP.</summary>
        long UptimeMs { get; }

        /// <summary>Wall-clock time (UTC). Only meaningful when <see cref="HasWallTime"/> is true.</summary>
        DateTime UtcNow { get; }

        /// <summary>True once the wall clock has been set (SNTP on the device). Command expiry needs it.</summary>
        bool HasWallTime { get; }
    }
}
