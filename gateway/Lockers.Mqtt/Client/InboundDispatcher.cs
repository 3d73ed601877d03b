using System.Threading.Channels;
using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace Lockers.Mqtt.Client;

/// <summary>
/// Hands received PUBLISH packets to the application through a bounded queue, without ever making the
/// receive loop wait for the application (so PINGRESP and PUBACK keep flowing however slow the consumer).
/// <list type="bullet">
/// <item>QoS 1: PUBACK is sent once the message is in the application queue. When the queue is full the
/// message waits, unacknowledged, in an overflow list that a pump moves into the queue in order as room
/// appears. The overflow is bounded in practice by the broker's in-flight window (it sends no more QoS 1
/// messages until earlier ones are acknowledged; Mosquitto's max_inflight_messages defaults to 20).</item>
/// <item>QoS 0: dropped when the queue is full (at most once), with a warning and a counter.</item>
/// </list>
/// </summary>
internal sealed class InboundDispatcher
{
    private readonly Channel<MqttApplicationMessage> _queue;
    private readonly Queue<Waiting> _overflow = new();
    private readonly ILogger _logger;
    private Task? _pump;
    private long _droppedQos0;
    private bool _dropping;

    public InboundDispatcher(int capacity, ILogger logger)
    {
        _logger = logger;
        _queue = System.Threading.Channels.Channel.CreateBounded<MqttApplicationMessage>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The application's end of the queue.</summary>
    public ChannelReader<MqttApplicationMessage> Reader => _queue.Reader;

    /// <summary>QoS 0 messages dropped so far because the application queue was full.</summary>
    public long DroppedQos0Messages => Interlocked.Read(ref _droppedQos0);

    /// <summary>Called by the receive loop for every PUBLISH. Returns quickly whatever the consumer does.</summary>
    public async ValueTask DeliverAsync(PublishPacket packet, MqttConnection connection)
    {
        var message = new MqttApplicationMessage(packet.Topic, packet.Payload, packet.Qos, packet.Retain, packet.Dup);
        lock (_overflow)
        {
            if (_overflow.Count == 0 && _queue.Writer.TryWrite(message))
            {
                _dropping = false;
            }
            else if (packet.Qos == MqttQos.AtMostOnce)
            {
                Interlocked.Increment(ref _droppedQos0);
                if (!_dropping)
                {
                    _dropping = true;
                    _logger.LogWarning("The received-message queue is full: dropping QoS 0 messages until the application catches up (topic {Topic})", packet.Topic);
                }

                return;
            }
            else
            {
                _overflow.Enqueue(new Waiting(message, packet.PacketId, connection));
                _pump ??= Task.Run(PumpAsync);
                return;
            }
        }

        if (packet.Qos == MqttQos.AtLeastOnce)
        {
            await connection.TrySendPubAckAsync(packet.PacketId).ConfigureAwait(false);
        }
    }

    /// <summary>Ends the queue: the application's reader completes after the remaining messages.</summary>
    public void Complete() => _queue.Writer.TryComplete();

    private async Task PumpAsync()
    {
        while (true)
        {
            Waiting head;
            lock (_overflow)
            {
                if (_overflow.Count == 0)
                {
                    _pump = null;
                    return;
                }

                head = _overflow.Peek();
            }

            if (!await _queue.Writer.WaitToWriteAsync().ConfigureAwait(false))
            {
                return; // completed: the client is being disposed
            }

            bool moved;
            lock (_overflow)
            {
                moved = _queue.Writer.TryWrite(head.Message);
                if (moved)
                {
                    _overflow.Dequeue();
                }
            }

            if (moved)
            {
                await head.Connection.TrySendPubAckAsync(head.PacketId).ConfigureAwait(false);
            }
        }
    }

    private sealed record Waiting(MqttApplicationMessage Message, ushort PacketId, MqttConnection Connection);
}
