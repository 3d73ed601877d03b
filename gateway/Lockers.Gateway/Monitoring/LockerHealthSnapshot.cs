namespace Lockers.Gateway.Monitoring;

/// <summary>A one-off event that raises an alarm by itself (refused command, journal overflow, tamper).</summary>
public sealed record LockerIncident(string Kind, DateTimeOffset At, string Detail);

/// <summary>A keypad the PIN throttle is holding back, until <see cref="Until"/>.</summary>
public sealed record ThrottledKeypad(string KeypadId, DateTimeOffset Until);

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
    IReadOnlyDictionary<int, string> Doors,
    IReadOnlyList<LockerIncident> Incidents,
    IReadOnlyList<ThrottledKeypad> ThrottledKeypads)
{
    /// <summary>
    /// The telemetry interval the locker was provisioned with: a healthy, idle locker is heard at least this often.
    /// Null when unknown; the rules then use Monitoring:HeartbeatIntervalSeconds.
    /// </summary>
    public TimeSpan? ContactInterval { get; init; }

    /// <summary>Why the locker said it cannot run (an offline status with a fault: a refused file); null otherwise.</summary>
    public string? Fault { get; init; }
}
