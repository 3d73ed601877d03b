using Lockers.Core.Ports;

namespace Lockers.Hosting;

/// <summary>
/// The core's clock over a <see cref="TimeProvider"/>: uptime from its monotonic timestamp (starting at 0
/// when the clock is created, as at boot) and wall time from its UTC clock, which a PC always has.
/// </summary>
public sealed class SystemClock : IClock
{
    private readonly TimeProvider _time;
    private readonly long _bootTimestamp;

    /// <summary>A clock over <paramref name="time"/> (default: the system's).</summary>
    public SystemClock(TimeProvider? time = null)
    {
        _time = time ?? TimeProvider.System;
        _bootTimestamp = _time.GetTimestamp();
    }

    /// <inheritdoc />
    public long UptimeMs => (long)_time.GetElapsedTime(_bootTimestamp).TotalMilliseconds;

    /// <inheritdoc />
    public DateTime UtcNow => _time.GetUtcNow().UtcDateTime;

    /// <inheritdoc />
    public bool HasWallTime => true;
}
