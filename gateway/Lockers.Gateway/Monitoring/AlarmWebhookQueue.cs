using System.Threading.Channels;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Alarm changes waiting for the alarm webhook. Best effort by design: the alarm itself is already stored and
/// audited, the webhook is a nudge for an on-call system. When the receiver is down the oldest nudges go first.
/// </summary>
public sealed class AlarmWebhookQueue
{
    private readonly Channel<AlarmChange> _queue = Channel.CreateBounded<AlarmChange>(
        new BoundedChannelOptions(1_000) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true });

    public void Enqueue(AlarmChange change) => _queue.Writer.TryWrite(change);

    public ChannelReader<AlarmChange> Reader => _queue.Reader;
}
