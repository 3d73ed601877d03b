using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace Lockers.Mqtt.Client;

/// <summary>
/// Sends the PUBACKs for received QoS 1 messages: in the order the PUBLISHes arrived (MQTT 3.1.1, 4.6), whatever
/// order they are acknowledged in, and only on the connection they arrived on. Each connection is a generation with
/// its own <see cref="AcknowledgementSequencer"/>; acknowledging a message of an earlier generation sends nothing
/// (the broker redelivers it on a persistent session, and the application sees it again).
/// </summary>
internal sealed class PubAckSender
{
    private readonly object _sync = new();

    // Held from taking the released packet ids out of the sequencer until they are written, so concurrent
    // acknowledgements cannot overtake each other on the wire.
    private readonly SemaphoreSlim _sendGate = new(1, 1);
    private readonly ILogger _logger;
    private Generation? _current;
    private long _lastGeneration;

    public PubAckSender(ILogger logger) => _logger = logger;

    /// <summary>
    /// Records a received PUBLISH in arrival order (called by the receive loop); a connection not seen before starts
    /// a new generation. Returns the generation and the delivery number, -1 for QoS 0 (nothing to acknowledge).
    /// </summary>
    public (long Generation, long Delivery) Register(MqttConnection connection, PublishPacket packet)
    {
        lock (_sync)
        {
            if (_current is null || !ReferenceEquals(_current.Connection, connection))
            {
                _current = new Generation(++_lastGeneration, connection, new AcknowledgementSequencer());
            }

            long delivery = packet.Qos == MqttQos.AtLeastOnce ? _current.Sequencer.Register(packet.PacketId) : -1;
            return (_current.Number, delivery);
        }
    }

    /// <summary>
    /// Acknowledges a delivery and writes the PUBACKs it releases, in order, before completing (none while an earlier
    /// delivery is unacknowledged). Nothing is sent for an earlier generation or a connection that has died meanwhile.
    /// </summary>
    public async ValueTask AcknowledgeAsync(long generation, long delivery)
    {
        if (delivery < 0)
        {
            return;
        }

        await _sendGate.WaitAsync().ConfigureAwait(false);
        try
        {
            Generation? current;
            IReadOnlyList<ushort> released;
            lock (_sync)
            {
                current = _current?.Number == generation ? _current : null;
                released = current?.Sequencer.Acknowledge(delivery) ?? Array.Empty<ushort>();
            }

            if (current is null)
            {
                _logger.LogDebug("Acknowledgement of a message received on an earlier connection dropped: the broker redelivers it");
                return;
            }

            foreach (ushort packetId in released)
            {
                await current.Connection.TrySendPubAckAsync(packetId).ConfigureAwait(false);
            }
        }
        finally
        {
            _sendGate.Release();
        }
    }

    private sealed record Generation(long Number, MqttConnection Connection, AcknowledgementSequencer Sequencer);
}
