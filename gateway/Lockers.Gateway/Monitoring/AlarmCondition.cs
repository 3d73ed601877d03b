namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Something wrong right now, as the rules see it. One open alarm exists per (kind, locker, compartment);
/// <see cref="Compartment"/> is null for conditions of the whole locker. <see cref="ObservedAt"/> is when it
/// was last seen: the evaluation time for lasting conditions, the event time for event alarms.
/// </summary>
public sealed record AlarmCondition(string Kind, string LockerId, int? Compartment, string Detail, DateTimeOffset ObservedAt)
{
    public AlarmSeverity Severity => AlarmKinds.SeverityOf(Kind);

    public bool SameSubject(string kind, string lockerId, int? compartment) =>
        Kind == kind && LockerId == lockerId && Compartment == compartment;
}
