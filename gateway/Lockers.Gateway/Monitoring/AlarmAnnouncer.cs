using Lockers.Gateway.Store;

namespace Lockers.Gateway.Monitoring;

/// <summary>Tells the world about committed alarm changes: the alarm webhook, open dashboard pages, metrics.</summary>
public sealed class AlarmAnnouncer(AlarmWebhookQueue webhook, LiveFeed live, GatewayMetrics metrics, TimeProvider time)
{
    public void Announce(IReadOnlyList<AlarmChange> changes)
    {
        foreach (var change in changes)
        {
            if (change.Change == AlarmChange.Raised)
            {
                metrics.CountAlarmRaised(change.Alarm.Kind);
            }
            if (change.ForWebhook)
            {
                webhook.Enqueue(change);
            }
            live.Publish(new LiveUpdate("alarm", change.Alarm.LockerId, AlarmView.From(change.Alarm, change.Change), time.GetStoreNow()));
        }
    }
}
