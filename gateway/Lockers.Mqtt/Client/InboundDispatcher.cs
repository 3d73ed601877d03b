using System.Threading.Channels;
using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace Lockers.Mqtt.Client;

/// <summary>
/// Hands received PUBLISH packets to the application through a bounded queue, without ever making the
/// receive loop wait for the application (so PINGRESP and PUBACK keep flowing however slow the consumer).
/// <list type="bullet">
/// <item>QoS 1, automatic acknowledgement: PUBACK is sent once the message is in the application queue.</item>
/// <item>QoS 1, manual acknowledgement: PUBACK is sent once the application acknowledges the message (in arrival
/// order, <see cref="PubAckSender"/>). A message holds one of the queue's <c>capacity</c> slots from entering the
/// queue until it is acknowledged, so at most <c>capacity</c> messages are ever unacknowledged by the application.</item>
/// <item>When the queue (or, in manual mode, the slots) is full, QoS 1 messages wait, unacknowledged, in an overflow
/// list that a pump moves into the queue in order as room appears. The overflow is bounded in practice by the broker's
/// in-flight window (it sends no more QoS 1 messages until earlier ones are acknowledged; Mosquitto's
/// max_inflight_messages defaults to 20).</item>
/// <item>QoS 0: dropped when the queue is full (at most once), with a warning and a counter.</item>
/// </list>
/// </summary>
internal sealed class InboundDispatcher
{
    private readonly Channel<MqttApplicationMessage> _queue;
    private readonly Queue<MqttApplicationMessage> _overflow = new();
    private readonly PubAckSender _pubAcks;
    private readonly InboundAcknowledgement _nothingToAcknowledge;
    private readonly ILogger _logger;
    private readonly int _capacity;
    private readonly bool _manual;
    private Task? _pump;
    private TaskCompletionSource? _slotFreed;
    private int _unacknowledged;
    private long _droppedQos0;
    private bool _dropping;
    private bool _completed;

    public InboundDispatcher(int capacity, bool manualAcknowledgement, ILogger logger)
    {
        _capacity = capacity;
        _manual = manualAcknowledgement;
        _logger = logger;
        _pubAcks = new PubAckSender(logger);
        _nothingToAcknowledge = new InboundAcknowledgement(this, generation: 0, delivery: -1, byApplication: false);
        _queue = System.Threading.Channels.Channel.CreateBounded<MqttApplicationMessage>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    /// <summary>The application's end of the queue.</summary>
    public ChannelReader<MqttApplicationMessage> Reader => _queue.Reader;

    /// <summary>QoS 0 messages dropped so far because the application queue was full.</summary>
    public long DroppedQos0Messages => Interlocked.Read(ref _droppedQos0);

    /// <summary>Manual mode: QoS 1 messages in the queue or with the application and not yet acknowledged by it.</summary>
    public int UnacknowledgedCount => Volatile.Read(ref _unacknowledged);

    /// <summary>Called by the receive loop for every PUBLISH. Returns quickly whatever the consumer does.</summary>
    public ValueTask DeliverAsync(PublishPacket packet, MqttConnection connection)
    {
        var (generation, delivery) = _pubAcks.Register(connection, packet);
        var message = new MqttApplicationMessage(packet.Topic, packet.Payload, packet.Qos, packet.Retain, packet.Dup)
        {
            Acknowledgement = delivery < 0 ? _nothingToAcknowledge : new InboundAcknowledgement(this, generation, delivery, byApplication: _manual),
        };
        lock (_overflow)
        {
            if (_overflow.Count == 0 && TryEnqueue(message))
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

                return ValueTask.CompletedTask;
            }
            else
            {
                _overflow.Enqueue(message);
                _pump ??= Task.Run(PumpAsync);
                return ValueTask.CompletedTask;
            }
        }

        return AfterEnqueuedAsync(message);
    }

    /// <summary>
    /// The application's acknowledgement (manual mode): frees the message's slot and sends its PUBACK in arrival order.
    /// A no-op for QoS 0, in automatic mode and when repeated. Throws <see cref="ArgumentException"/> for a message this
    /// dispatcher did not deliver.
    /// </summary>
    public Task AcknowledgeAsync(MqttApplicationMessage message)
    {
        var acknowledgement = message.Acknowledgement;
        if (acknowledgement is null || !ReferenceEquals(acknowledgement.Owner, this))
        {
            throw new ArgumentException(
                "The message was not received by this client; acknowledge a message with the client whose Messages delivered it.", nameof(message));
        }

        if (!acknowledgement.TryTake())
        {
            return Task.CompletedTask;
        }

        TaskCompletionSource? slotFreed;
        lock (_overflow)
        {
            _unacknowledged--;
            slotFreed = _slotFreed;
            _slotFreed = null;
        }

        slotFreed?.TrySetResult();
        return _pubAcks.AcknowledgeAsync(acknowledgement.Generation, acknowledgement.Delivery).AsTask();
    }

    /// <summary>Ends the queue: the application's reader completes after the remaining messages.</summary>
    public void Complete()
    {
        TaskCompletionSource? slotFreed;
        lock (_overflow)
        {
            _completed = true;
            slotFreed = _slotFreed;
            _slotFreed = null;
        }

        _queue.Writer.TryComplete();
        slotFreed?.TrySetResult();
    }

    /// <summary>Puts a message into the application queue if there is room (and, in manual mode, a free slot). Call under the lock.</summary>
    private bool TryEnqueue(MqttApplicationMessage message)
    {
        bool takesSlot = _manual && message.Qos == MqttQos.AtLeastOnce;
        if (takesSlot && _unacknowledged >= _capacity)
        {
            return false;
        }

        if (!_queue.Writer.TryWrite(message))
        {
            return false;
        }

        if (takesSlot)
        {
            _unacknowledged++;
        }

        return true;
    }

    /// <summary>Automatic mode: a QoS 1 message in the application queue is acknowledged.</summary>
    private ValueTask AfterEnqueuedAsync(MqttApplicationMessage message)
    {
        var acknowledgement = message.Acknowledgement!;
        return _manual
            ? ValueTask.CompletedTask
            : _pubAcks.AcknowledgeAsync(acknowledgement.Generation, acknowledgement.Delivery);
    }

    private async Task PumpAsync()
    {
        while (true)
        {
            MqttApplicationMessage head;
            Task? slotFreed = null;
            bool moved = false;
            lock (_overflow)
            {
                if (_completed)
                {
                    return; // the client is being disposed
                }

                if (_overflow.Count == 0)
                {
                    _pump = null;
                    return;
                }

                head = _overflow.Peek();
                if (TryEnqueue(head))
                {
                    _overflow.Dequeue();
                    moved = true;
                }
                else if (_manual && _unacknowledged >= _capacity)
                {
                    _slotFreed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    slotFreed = _slotFreed.Task;
                }
            }

            if (moved)
            {
                await AfterEnqueuedAsync(head).ConfigureAwait(false);
            }
            else if (slotFreed is not null)
            {
                await slotFreed.ConfigureAwait(false);
            }
            else if (!await _queue.Writer.WaitToWriteAsync().ConfigureAwait(false))
            {
                return; // completed: the client is being disposed
            }
        }
    }
}
