using Lockers.Gateway.Audit;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Moves stored alarms through their lifecycle: raises those whose condition is new, refreshes last-seen on the
/// ones still holding, clears those whose condition ended, records acknowledgements. Every step is audited in
/// the same transaction, then announced (webhook, live pages, metrics) once it is committed.
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
                    if (await tx.Monitoring.InsertAlarmAsync(condition, siteId, condition.ObservedAt) is { } raised)
                    {
                        await AuditAsync(tx, now, "system", AuditActions.AlarmRaised, raised);
                        changes.Add(new AlarmChange(AlarmChange.Raised, raised));
                    }
                }
                else if (NeedsTouch(existing, condition))
                {
                    await tx.Monitoring.TouchAlarmAsync(existing.Id, condition.Detail, condition.ObservedAt,
                        newOccurrence: AlarmKinds.IsEventAlarm(condition.Kind));
                }
            }
            foreach (var alarm in open.Where(alarm => !conditions.Any(c => c.SameSubject(alarm.Kind, alarm.LockerId, alarm.Compartment))))
            {
                if (await tx.Monitoring.ClearAlarmAsync(alarm.Id, now))
                {
                    var cleared = alarm with { ClearedAt = now };
                    await AuditAsync(tx, now, "system", AuditActions.AlarmCleared, cleared);
                    changes.Add(new AlarmChange(AlarmChange.Cleared, cleared));
                }
            }
            return changes;
        }, cancellationToken);
        announcer.Announce(changes);
        return changes;
    }

    /// <summary>True when reconciling would raise, touch or clear an alarm; the write transaction re-reads to decide.</summary>
    internal static bool NeedsWrite(IReadOnlyList<MonitoredAlarm> open, IReadOnlyList<AlarmCondition> conditions) =>
        conditions.Any(condition => open.FirstOrDefault(alarm => condition.SameSubject(alarm.Kind, alarm.LockerId, alarm.Compartment))
                is not { } existing || NeedsTouch(existing, condition))
        || open.Any(alarm => !conditions.Any(c => c.SameSubject(alarm.Kind, alarm.LockerId, alarm.Compartment)));

    private static bool NeedsTouch(MonitoredAlarm existing, AlarmCondition condition) =>
        condition.ObservedAt - existing.LastSeen >= TouchResolution
        || (AlarmKinds.IsEventAlarm(condition.Kind) && condition.ObservedAt > existing.LastSeen);

    /// <summary>A staff member has seen the alarm. False when it is unknown or was already acknowledged.</summary>
    public async Task<MonitoredAlarm?> AcknowledgeAsync(long alarmId, string staffUser, CancellationToken cancellationToken = default)
    {
        var acknowledged = await store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            if (!await tx.Monitoring.AcknowledgeAlarmAsync(alarmId, staffUser, now))
            {
                return null;
            }
            var alarm = (await tx.Monitoring.GetAlarmAsync(alarmId))!;
            await AuditAsync(tx, now, $"staff:{staffUser}", AuditActions.AlarmAcknowledged, alarm);
            return alarm;
        }, cancellationToken);
        if (acknowledged is not null)
        {
            announcer.Announce([new AlarmChange(AlarmChange.Acknowledged, acknowledged)]);
        }
        return acknowledged;
    }

    private static Task AuditAsync(IStoreTransaction tx, DateTimeOffset now, string actor, string action, MonitoredAlarm alarm) =>
        tx.Audit.AppendAsync(new AuditEntry(now, actor, action, alarm.SiteId, alarm.LockerId, alarm.Compartment,
            Detail: $"alarm={alarm.Id} kind={alarm.Kind} severity={alarm.Severity.ToString().ToLowerInvariant()}: {alarm.Detail}"));
}
