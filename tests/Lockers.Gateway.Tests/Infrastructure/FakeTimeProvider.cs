namespace Lockers.Gateway.Tests.Infrastructure;

/// <summary>
/// The gateway tests' clock: moves only when a test says so. Timers created from it fall back to real time,
/// so background loops poll slowly and tests drive the work themselves (DispatchDueAsync, ExpireDueAsync).
/// </summary>
public sealed class FakeTimeProvider(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

    public FakeTimeProvider() : this(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero))
    {
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
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
