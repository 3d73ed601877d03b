namespace Lockers.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway tests' clock: moves only when a test says so. Timers created from it fall back to real time,
/// so background loops poll slowly and tests drive the work themselves (DispatchDueAsync, ExpireDueAsync).
/// <see cref="Running"/> makes one that also follows real time, for a gateway talking to simulated lockers whose own
/// clocks are real: command expiries and code entries' answer windows are then judged on the same time line.
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;
    private long _runningSince = -1;

    public FakeTimeProvider() : this(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    /// <summary>A clock at the real time now that runs on with it (and still moves on by <see cref="Advance"/>).</summary>
    public static FakeTimeProvider Running() => new(System.GetUtcNow()) { _runningSince = System.GetTimestamp() };

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _runningSince < 0 ? _now : _now + System.GetElapsedTime(_runningSince);
        }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate)
        {
            _now += by;
        }
    }
}
