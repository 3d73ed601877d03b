namespace Lockers.Dashboard.Tests.Support;

/// <summary>
/// The one clock of the gateway and its simulated lockers: wall time stays at a fixed instant (so signed commands,
/// events, alarms and pages agree whatever the machine's date), while timers and timestamps are the system's, so
/// MQTT keep-alive, the lockers' main loops and their uptime run as in production.
/// </summary>
public sealed class FixedWallClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
