namespace Lockers.Journeys.Tests.Support;

/// <summary>
/// The one clock of the gateway and the simulated locker: wall time starts at a fixed instant and moves only when a test
/// says so (a pickup window running out), while timers and timestamps are the system's, so MQTT keep-alive and the
/// locker's main loop run as in production.
/// </summary>
public sealed class JourneyClock(DateTimeOffset start) : TimeProvider
{
    private readonly object _gate = new();
    private DateTimeOffset _now = start;

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
