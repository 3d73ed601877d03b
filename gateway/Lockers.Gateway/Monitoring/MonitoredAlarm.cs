namespace Lockers.Gateway.Monitoring;

/// <summary>
/// An alarm and its lifecycle: raised (first seen), seen again (last seen, occurrences), acknowledged by a
/// staff member, cleared when its condition ends. Acknowledging does not clear: the condition decides that.
/// </summary>
public sealed record MonitoredAlarm(
    long Id, string Kind, AlarmSeverity Severity, string? SiteId, string LockerId, int? Compartment, string Detail,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int Occurrences,
    string? AcknowledgedBy = null, DateTimeOffset? AcknowledgedAt = null, DateTimeOffset? ClearedAt = null)
{
    public bool IsAcknowledged => AcknowledgedBy is not null;

    /// <summary>raised, acknowledged or cleared: what the dashboard shows.</summary>
    public string State => ClearedAt is not null ? "cleared" : IsAcknowledged ? "acknowledged" : "raised";
}
