using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Fakes;

/// <summary>
/// A clock that only moves when a test moves it. Uptime starts at 0 (or the given value); the wall clock
/// starts unset, like a device before SNTP, until <see cref="SetWallTime"/> is called.
/// </summary>
public sealed class FakeClock : IClock
{
    private DateTime _utcNow = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public FakeClock(long uptimeMs = 0) => UptimeMs = uptimeMs;

    /// <summary>Starts with the wall clock already set to <paramref name="utcNow"/>.</summary>
    public FakeClock(DateTime utcNow, long uptimeMs = 0) : this(uptimeMs) => SetWallTime(utcNow);

    public long UptimeMs { get; private set; }

    public DateTime UtcNow => _utcNow;

    public bool HasWallTime { get; private set; }

    /// <summary>Moves uptime and the wall clock forward together.</summary>
    public void Advance(long ms)
    {
        if (ms < 0) throw new ArgumentOutOfRangeException(nameof(ms), "uptime is monotonic");
        UptimeMs += ms;
        _utcNow = _utcNow.AddMilliseconds(ms);
    }

    /// <summary>Moves forward by a TimeSpan.</summary>
    public void Advance(TimeSpan by) => Advance((long)by.TotalMilliseconds);

    /// <summary>Sets the wall clock (as SNTP would) without touching uptime.</summary>
    public void SetWallTime(DateTime utcNow)
    {
        _utcNow = DateTime.SpecifyKind(utcNow, DateTimeKind.Utc);
        HasWallTime = true;
    }

    /// <summary>Forgets the wall clock, as after a reboot without network.</summary>
    public void ClearWallTime() => HasWallTime = false;
}
