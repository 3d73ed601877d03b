using System.Threading.Channels;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Client;

/// <summary>A publish accepted by PublishAsync and not yet written. Its packet id is assigned when it is sent.</summary>
internal sealed record OutgoingPublish(PublishPacket Packet, TaskCompletionSource Completion);

/// <summary>
/// Publishes waiting to be written, first in first out, bounded. They wait here while the client is
/// disconnected or the in-flight limit is reached. When full, <see cref="EnqueueAsync"/> refuses (or waits, if
/// configured): nothing is ever dropped silently.
/// </summary>
internal sealed class OutgoingQueue
{
    private readonly Channel<OutgoingPublish> _channel;
    private readonly int _capacity;
    private readonly bool _waitWhenFull;
    private volatile bool _closed;

    public OutgoingQueue(int capacity, bool waitWhenFull)
    {
        _capacity = capacity;
        _waitWhenFull = waitWhenFull;
        _channel = System.Threading.Channels.Channel.CreateBounded<OutgoingPublish>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
    }

    public int Count => _channel.Reader.Count;

    /// <summary>Queues a publish, or throws <see cref="MqttQueueFullException"/> when full (unless configured to wait).</summary>
    public async ValueTask EnqueueAsync(OutgoingPublish publish, CancellationToken cancellationToken)
    {
        if (_channel.Writer.TryWrite(publish))
        {
            return;
        }

        ObjectDisposedException.ThrowIf(_closed, typeof(MqttClient));

        if (!_waitWhenFull)
        {
            throw new MqttQueueFullException(_capacity);
        }

        await _channel.Writer.WriteAsync(publish, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Waits until a publish is queued (true), or the token fires.</summary>
    public ValueTask<bool> WaitToReadAsync(CancellationToken cancellationToken) => _channel.Reader.WaitToReadAsync(cancellationToken);

    /// <summary>The oldest publish, if any, left in the queue.</summary>
    public bool TryPeek(out OutgoingPublish publish) => _channel.Reader.TryPeek(out publish!);

    /// <summary>Takes the oldest publish, if any.</summary>
    public bool TryDequeue(out OutgoingPublish publish) => _channel.Reader.TryRead(out publish!);

    /// <summary>Refuses further publishes (the client is being disposed); queued ones stay until failed or sent.</summary>
    public void Close()
    {
        _closed = true;
        _channel.Writer.TryComplete();
    }

    /// <summary>Fails and removes every queued publish.</summary>
    public void FailAll(Exception error)
    {
        while (_channel.Reader.TryRead(out var publish))
        {
            publish.Completion.TrySetException(error);
        }
    }
}
