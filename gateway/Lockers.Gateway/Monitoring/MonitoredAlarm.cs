namespace Lockers.Gateway.Monitoring;

/// <summary>
/// An alarm and its lifecycle: raised (first seen), seen again (last seen, occurrences), acknowledged by a
/// staff member, cleared when its condition ends. Acknowledging does not clear: the condition decides that; but an alarm
/// that waits for acknowledgement (a critical one, <see cref="AlarmKinds.WaitsForAcknowledgement"/>) stays open after its
/// condition ended (<see cref="ConditionEndedAt"/>) until someone acknowledges it. <see cref="FollowsAlarmId"/> links an
/// alarm to the one whose condition turned into it (a forced door left open); <see cref="Until"/> is when its condition
/// ends by itself (a keypad's throttle), if known.
/// </summary>
public sealed record MonitoredAlarm(
    long Id, string Kind, AlarmSeverity Severity, string? SiteId, string LockerId, int? Compartment, string Detail,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int Occurrences,
    string? AcknowledgedBy = null, DateTimeOffset? AcknowledgedAt = null, DateTimeOffset? ClearedAt = null,
    DateTimeOffset? ConditionEndedAt = null, long? FollowsAlarmId = null, DateTimeOffset? Until = null)
{
    public bool IsAcknowledged => AcknowledgedBy is not null;

    /// <summary>raised, condition_ended (waiting for acknowledgement), acknowledged or cleared: what the dashboard shows.</summary>
    public string State => ClearedAt is not null ? "cleared"
        : IsAcknowledged ? "acknowledged"
        : ConditionEndedAt is not null ? "condition_ended"
        : "raised";
}
