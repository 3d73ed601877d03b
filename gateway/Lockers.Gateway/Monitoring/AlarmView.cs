namespace Lockers.Gateway.Monitoring;

/// <summary>
/// An alarm as JSON for the dashboard, the live feed and the alarm webhook. <see cref="WaitsForAcknowledgement"/>: it
/// stays open until acknowledged even when its condition ends (critical kinds).
/// </summary>
public sealed record AlarmView(
    long Id, string Kind, string Severity, string State, string? SiteId, string LockerId, int? Compartment, string Detail,
    DateTimeOffset FirstSeen, DateTimeOffset LastSeen, int Occurrences, string? AcknowledgedBy, DateTimeOffset? AcknowledgedAt,
    DateTimeOffset? ClearedAt, string? Change = null, DateTimeOffset? ConditionEndedAt = null, long? FollowsAlarmId = null,
    DateTimeOffset? Until = null, bool WaitsForAcknowledgement = false)
{
    public static AlarmView From(MonitoredAlarm a, string? change = null) => new(
        a.Id, a.Kind, a.Severity.ToString().ToLowerInvariant(), a.State, a.SiteId, a.LockerId, a.Compartment, a.Detail,
        a.FirstSeen, a.LastSeen, a.Occurrences, a.AcknowledgedBy, a.AcknowledgedAt, a.ClearedAt, change, a.ConditionEndedAt,
        a.FollowsAlarmId, a.Until, AlarmKinds.IsKnown(a.Kind) && AlarmKinds.WaitsForAcknowledgement(a.Kind));
}
