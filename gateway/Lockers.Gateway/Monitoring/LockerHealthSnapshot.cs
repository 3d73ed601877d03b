namespace Lockers.Gateway.Monitoring;

/// <summary>A one-off event that raises an alarm by itself (refused command, journal overflow, tamper).</summary>
public sealed record LockerIncident(string Kind, DateTimeOffset At, string Detail);

/// <summary>A reader (keypad or scanner) the guessing budget holds back until <see cref="Until"/>; "" is the whole locker.</summary>
public sealed record ThrottledReader(string ReaderId, DateTimeOffset Until);

/// <summary>
/// A condition of the site or the fleet shown as an alarm at this locker (guessing_budget, unlock_anomaly), read from the
/// store by <see cref="LockerHealthService.RefreshHoldsAsync"/>. <see cref="Until"/> is when it ends by itself, if it does.
/// </summary>
public sealed record HoldNotice(string Kind, string Detail, DateTimeOffset? Until = null);

/// <summary>
/// What the gateway knows about one locker at one moment; the input of <see cref="AlarmRules"/>.
/// <see cref="ReportedOnline"/> is the retained status (birth / last will), null before any arrived.
/// <see cref="Doors"/> maps a compartment to its last reported door state (protocol names: opened, closed, ...).
/// </summary>
public sealed record LockerHealthSnapshot(
    string LockerId,
    bool? ReportedOnline,
    DateTimeOffset? LastContact,
    string? Firmware,
    TelemetrySample? Telemetry,
    IReadOnlyList<string> ImplausibleTelemetry,
    IReadOnlyDictionary<int, string> Doors,
    IReadOnlyList<LockerIncident> Incidents,
    IReadOnlyList<ThrottledReader> ThrottledReaders,
    IReadOnlyList<HoldNotice> Notices)
{
    /// <summary>
    /// The telemetry interval the locker was provisioned with: a healthy, idle locker is heard at least this often.
    /// Null when unknown; the rules then use Monitoring:HeartbeatIntervalSeconds.
    /// </summary>
    public TimeSpan? ContactInterval { get; init; }

    /// <summary>Why the locker said it cannot run (an offline status with a fault: a refused file); null otherwise.</summary>
    public string? Fault { get; init; }
}
