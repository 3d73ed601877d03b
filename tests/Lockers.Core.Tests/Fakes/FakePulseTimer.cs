using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Fakes;

/// <summary>
/// The host's pulse timer, on the fake clock: it only remembers when it is due. A test fires it with
/// <see cref="FireIfDue"/> the way the host's timer thread would, whether or not anything polls; <see cref="Fire"/>
/// fires it regardless of the time (a late or stale callback).
/// </summary>
public sealed class FakePulseTimer(FakeClock clock) : IPulseTimer
{
    public event PulseTimerHandler? Elapsed;

    /// <summary>When it falls due (uptime ms), or -1 while disarmed.</summary>
    public long DueAtMs { get; private set; } = -1;

    /// <summary>How many times it was armed.</summary>
    public int StartCount { get; private set; }

    public void Start(int dueMs)
    {
        StartCount++;
        DueAtMs = clock.UptimeMs + dueMs;
    }

    public void Cancel() => DueAtMs = -1;

    /// <summary>Raises Elapsed when armed and due; returns whether it did.</summary>
    public bool FireIfDue()
    {
        if (DueAtMs < 0 || clock.UptimeMs < DueAtMs) return false;
        Fire();
        return true;
    }

    /// <summary>Raises Elapsed now, disarming it first, as a timer does when it runs its callback.</summary>
    public void Fire()
    {
        DueAtMs = -1;
        Elapsed?.Invoke();
    }
}
