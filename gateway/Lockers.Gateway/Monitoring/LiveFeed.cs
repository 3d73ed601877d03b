using System.Threading.Channels;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// One change worth redrawing on a dashboard page. <see cref="Topic"/>: door, telemetry, status, alarm,
/// command, service. <see cref="Data"/> is serialised to JSON as it is.
/// </summary>
public sealed record LiveUpdate(string Topic, string? LockerId, object Data, DateTimeOffset At);

/// <summary>
/// Fans changes out to every open dashboard connection of this gateway. Each subscriber has a small bounded
/// queue that drops its oldest updates when the browser is slow, so a stalled tab never holds up the link.
/// </summary>
public sealed class LiveFeed
{
    private const int QueueLength = 256;
    private readonly object _gate = new();
    private readonly List<Channel<LiveUpdate>> _subscribers = new();

    public void Publish(LiveUpdate update)
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryWrite(update);
            }
        }
    }

    /// <summary>
    /// Registers a subscriber at once (nothing published after this call is missed); dispose it when the
    /// browser goes away.
    /// </summary>
    public Subscription Subscribe()
    {
        var channel = Channel.CreateBounded<LiveUpdate>(new BoundedChannelOptions(QueueLength)
        {
            FullMode = BoundedChannelFullMode.DropOldest,
            SingleReader = true,
        });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }
        return new Subscription(this, channel);
    }

    private void Remove(Channel<LiveUpdate> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
        channel.Writer.TryComplete();
    }

    /// <summary>One open page's queue of updates.</summary>
    public sealed class Subscription(LiveFeed feed, Channel<LiveUpdate> channel) : IDisposable
    {
        public IAsyncEnumerable<LiveUpdate> ReadAllAsync(CancellationToken cancellationToken) => channel.Reader.ReadAllAsync(cancellationToken);

        public void Dispose() => feed.Remove(channel);
    }
}
