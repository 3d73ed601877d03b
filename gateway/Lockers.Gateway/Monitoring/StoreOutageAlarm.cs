using Lockers.Gateway.Audit;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// The store_unavailable alarm (ADR 0208), for the gateway as a whole (its subject is <see cref="Subject"/>, not a locker).
/// While the store refuses writes the alarm cannot be stored, so it is announced at once (alarm webhook, live dashboard
/// pages, metrics) and written to the store, raised at the outage's start and cleared at its end, with both audit lines,
/// as soon as the store takes writes again.
/// </summary>
public sealed class StoreOutageAlarm(StoreAvailability availability, ILockerStore store, AlarmAnnouncer announcer, ILogger<StoreOutageAlarm> logger)
    : IHostedService
{
    /// <summary>The alarm's subject in place of a locker id.</summary>
    public const string Subject = "gateway";

    public Task StartAsync(CancellationToken cancellationToken)
    {
        availability.Changed += OnChanged;
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken)
    {
        availability.Changed -= OnChanged;
        return Task.CompletedTask;
    }

    private void OnChanged(StoreOutage outage, DateTimeOffset? ended)
    {
        if (ended is null)
        {
            logger.LogCritical("The store refuses writes: {Reason}. Locker messages are held at the broker; the REST API answers 503", outage.Reason);
            announcer.Announce([new AlarmChange(AlarmChange.Raised, Alarm(outage, id: 0, cleared: null))]);
            return;
        }

        logger.LogWarning("The store takes writes again after {Duration} ({Failures} failed tries)", ended.Value - outage.Since, outage.Failures);
        // Not in the flow that reported it: that flow may be finishing a group commit, which the record must not join.
        using (ExecutionContext.SuppressFlow())
        {
            _ = Task.Run(() => RecordAsync(outage, ended.Value));
        }
    }

    private async Task RecordAsync(StoreOutage outage, DateTimeOffset ended)
    {
        try
        {
            var cleared = await store.ExecuteAsync(async tx =>
            {
                var condition = new AlarmCondition(AlarmKinds.StoreUnavailable, Subject, null, Detail(outage), outage.Since);
                if (await tx.Monitoring.InsertAlarmAsync(condition, null, outage.Since) is not { } raised)
                {
                    return null; // another gateway of the same store recorded this outage already
                }

                await tx.Monitoring.ClearAlarmAsync(raised.Id, ended);
                foreach (var (action, at) in new[] { (AuditActions.AlarmRaised, outage.Since), (AuditActions.AlarmCleared, ended) })
                {
                    await tx.Audit.AppendAsync(new AuditEntry(at, "system", action, null, Subject, null,
                        Detail: $"alarm={raised.Id} kind={raised.Kind} severity=major: {raised.Detail}"));
                }

                return raised with { ClearedAt = ended };
            });
            if (cleared is not null)
            {
                announcer.Announce([new AlarmChange(AlarmChange.Cleared, cleared)]);
            }
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "The store_unavailable alarm of {Since} could not be recorded", outage.Since);
        }
    }

    private static string Detail(StoreOutage outage) =>
        AlarmDetails.English("AlarmDetail.StoreUnavailable", outage.Reason);

    private static MonitoredAlarm Alarm(StoreOutage outage, long id, DateTimeOffset? cleared) => new(
        id, AlarmKinds.StoreUnavailable, AlarmKinds.SeverityOf(AlarmKinds.StoreUnavailable), null, Subject, null, Detail(outage),
        outage.Since, outage.Since, 1, ClearedAt: cleared);
}
