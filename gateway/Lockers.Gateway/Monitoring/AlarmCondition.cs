namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Something wrong right now, as the rules see it. One open alarm exists per (kind, locker, compartment);
/// <see cref="Compartment"/> is null for conditions of the whole locker. <see cref="ObservedAt"/> is when it
/// was last seen: the evaluation time for lasting conditions, the event time for event alarms.
/// </summary>
public sealed record AlarmCondition
{
    /// <exception cref="ArgumentException"><paramref name="kind"/> is not one of <see cref="AlarmKinds"/>.</exception>
    public AlarmCondition(string kind, string lockerId, int? compartment, string detail, DateTimeOffset observedAt, DateTimeOffset? until = null)
    {
        if (!AlarmKinds.IsKnown(kind))
        {
            throw new ArgumentException($"'{kind}' is not an alarm kind (Monitoring/AlarmKinds lists them)", nameof(kind));
        }

        (Kind, LockerId, Compartment, Detail, ObservedAt, Until) = (kind, lockerId, compartment, detail, observedAt, until);
    }

    public string Kind { get; }
    public string LockerId { get; }
    public int? Compartment { get; }
    public string Detail { get; }
    public DateTimeOffset ObservedAt { get; }

    /// <summary>When the condition will end by itself (a keypad's throttle), if known; pages show it in the viewer's time.</summary>
    public DateTimeOffset? Until { get; }

    public AlarmSeverity Severity => AlarmKinds.SeverityOf(Kind);

    public bool SameSubject(string kind, string lockerId, int? compartment) =>
        Kind == kind && LockerId == lockerId && Compartment == compartment;
}
