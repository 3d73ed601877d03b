using Lockers.Gateway.Audit;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Moves stored alarms through their lifecycle: raises those whose condition is new (linked to the alarm of the same door
/// whose condition turned into it), refreshes last-seen on the ones still holding, clears those whose condition ended,
/// records acknowledgements. A critical alarm is never cleared unseen: when its condition ends it waits, marked
/// "condition ended", until someone acknowledges it (ADR 0306). Every step is audited in the same transaction, then
/// announced (webhook, live pages, metrics) once it is committed.
/// </summary>
public sealed class AlarmLifecycle(ILockerStore store, AlarmAnnouncer announcer, TimeProvider time)
{
    // Lasting conditions are re-observed at every evaluation; writing last-seen that often would be noise.
    private static readonly TimeSpan TouchResolution = TimeSpan.FromMinutes(1);

    public async Task<IReadOnlyList<AlarmChange>> ReconcileAsync(
        string lockerId, IReadOnlyList<AlarmCondition> conditions, CancellationToken cancellationToken = default)
    {
        // Most evaluations (every locker, every few seconds) find the stored alarms already right: check that on a
        // read-only snapshot, and take the write lock only when something is to be raised, touched or cleared.
        var openNow = await store.ReadAsync(tx => tx.Monitoring.ListOpenAlarmsAsync(lockerId), cancellationToken);
        if (!NeedsWrite(openNow, conditions))
        {
            return [];
        }

        var changes = await store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            var changes = new List<AlarmChange>();
            var open = await tx.Monitoring.ListOpenAlarmsAsync(lockerId);
            string? siteId = null; // read once, when the first alarm is raised
            foreach (var condition in conditions)
            {
                var existing = open.FirstOrDefault(alarm => condition.SameSubject(alarm.Kind, alarm.LockerId, alarm.Compartment));
                if (existing is null)
                {
                    siteId ??= (await tx.Registry.GetLockerAsync(lockerId))?.SiteId;
                    if (await tx.Monitoring.InsertAlarmAsync(condition, siteId, condition.ObservedAt, Follows(open, condition)?.Id) is { } raised)
                    {
                        await AuditAsync(tx, now, "system", AuditActions.AlarmRaised, raised);
                        changes.Add(new AlarmChange(AlarmChange.Raised, raised));
                    }
                }
                else if (NeedsTouch(existing, condition))
                {
                    // A condition that had ended and is back (a door forced again before anyone looked) counts again.
                    var returned = existing.ConditionEndedAt is not null;
                    await tx.Monitoring.TouchAlarmAsync(existing.Id, condition.Detail, condition.ObservedAt,
                        newOccurrence: returned || AlarmKinds.IsEventAlarm(condition.Kind), condition.Until);
                    if (returned || existing.Detail != condition.Detail || existing.Until != condition.Until)
                    {
                        changes.Add(new AlarmChange(AlarmChange.Updated, (await tx.Monitoring.GetAlarmAsync(existing.Id))!));
                    }
                }
            }
            foreach (var alarm in open.Where(alarm => !conditions.Any(c => c.SameSubject(alarm.Kind, alarm.LockerId, alarm.Compartment))))
            {
                if (WaitsForAcknowledgement(alarm))
                {
                    if (alarm.ConditionEndedAt is null && await tx.Monitoring.MarkConditionEndedAsync(alarm.Id, now))
                    {
                        var ended = alarm with { ConditionEndedAt = now };
                        await AuditAsync(tx, now, "system", AuditActions.AlarmConditionEnded, ended);
                        changes.Add(new AlarmChange(AlarmChange.ConditionEnded, ended));
                    }
                }
                else if (await ClearAsync(tx, alarm, now) is { } cleared)
                {
                    changes.Add(cleared);
                }
            }
            return changes;
        }, cancellationToken);
        announcer.Announce(changes);
        return changes;
    }

    /// <summary>True when reconciling would raise, touch, mark or clear an alarm; the write transaction re-reads to decide.</summary>
    internal static bool NeedsWrite(IReadOnlyList<MonitoredAlarm> open, IReadOnlyList<AlarmCondition> conditions) =>
        conditions.Any(condition => open.FirstOrDefault(alarm => condition.SameSubject(alarm.Kind, alarm.LockerId, alarm.Compartment))
                is not { } existing || NeedsTouch(existing, condition))
        || open.Any(alarm => !conditions.Any(c => c.SameSubject(alarm.Kind, alarm.LockerId, alarm.Compartment))
            && !(WaitsForAcknowledgement(alarm) && alarm.ConditionEndedAt is not null));

    private static bool NeedsTouch(MonitoredAlarm existing, AlarmCondition condition) =>
        condition.ObservedAt - existing.LastSeen >= TouchResolution
        || (AlarmKinds.IsEventAlarm(condition.Kind) && condition.ObservedAt > existing.LastSeen)
        // A new end time (a throttle escalated) is written at once; a detail that only counts on ("no message for 95 s")
        // waits for the minute like last-seen.
        || existing.ConditionEndedAt is not null || existing.Until != condition.Until;

    /// <summary>Unacknowledged and of a kind that must be seen: its condition ending does not clear it.</summary>
    private static bool WaitsForAcknowledgement(MonitoredAlarm alarm) =>
        !alarm.IsAcknowledged && AlarmKinds.IsKnown(alarm.Kind) && AlarmKinds.WaitsForAcknowledgement(alarm.Kind);

    /// <summary>
    /// The open alarm of the same door whose condition this one follows (a forced door now left open, a jam pried open):
    /// the newest other alarm of that compartment. Conditions of the whole locker follow nothing.
    /// </summary>
    private static MonitoredAlarm? Follows(IReadOnlyList<MonitoredAlarm> open, AlarmCondition condition) =>
        condition.Compartment is null
            ? null
            : open.Where(alarm => alarm.Compartment == condition.Compartment && alarm.Kind != condition.Kind).MaxBy(alarm => alarm.Id);

    private static async Task<AlarmChange?> ClearAsync(IStoreTransaction tx, MonitoredAlarm alarm, DateTimeOffset now)
    {
        if (!await tx.Monitoring.ClearAlarmAsync(alarm.Id, now))
        {
            return null;
        }
        var cleared = alarm with { ClearedAt = now };
        await AuditAsync(tx, now, "system", AuditActions.AlarmCleared, cleared);
        return new AlarmChange(AlarmChange.Cleared, cleared);
    }

    /// <summary>
    /// A staff member has seen the alarm. An alarm whose condition already ended (it waited to be seen) clears with it.
    /// Null when it is unknown or was already acknowledged.
    /// </summary>
    public async Task<MonitoredAlarm?> AcknowledgeAsync(long alarmId, string staffUser, CancellationToken cancellationToken = default)
    {
        var changes = await store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            if (!await tx.Monitoring.AcknowledgeAlarmAsync(alarmId, staffUser, now))
            {
                return [];
            }
            var alarm = (await tx.Monitoring.GetAlarmAsync(alarmId))!;
            await AuditAsync(tx, now, $"staff:{staffUser}", AuditActions.AlarmAcknowledged, alarm);
            var changes = new List<AlarmChange> { new(AlarmChange.Acknowledged, alarm) };
            if (alarm is { ConditionEndedAt: not null, ClearedAt: null } && await ClearAsync(tx, alarm, now) is { } cleared)
            {
                changes.Add(cleared);
            }
            return changes;
        }, cancellationToken);
        announcer.Announce(changes);
        return changes.Count == 0 ? null : changes[^1].Alarm;
    }

    private static Task AuditAsync(IStoreTransaction tx, DateTimeOffset now, string actor, string action, MonitoredAlarm alarm) =>
        tx.Audit.AppendAsync(new AuditEntry(now, actor, action, alarm.SiteId, alarm.LockerId, alarm.Compartment,
            Detail: $"alarm={alarm.Id} kind={alarm.Kind} severity={alarm.Severity.ToString().ToLowerInvariant()}: {alarm.Detail}"));
}
