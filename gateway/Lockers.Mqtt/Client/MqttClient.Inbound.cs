using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace Lockers.Mqtt.Client;

public sealed partial class MqttClient
{
    /// <summary>
    /// Acknowledges a received message once the application has processed it safely, with
    /// <see cref="MqttClientOptions.ManualAcknowledgement"/> on: the client then sends its PUBACK. PUBACKs go out in the
    /// order the messages arrived, so when an earlier message is still unacknowledged this one's PUBACK waits for it
    /// (this call does not: it completes at once, and the PUBACK follows when the earlier one is acknowledged).
    /// Completes once the PUBACKs this acknowledgement released are written, or at once when there is nothing to send:
    /// a QoS 0 message, automatic mode (already acknowledged), a repeated call (also through a <c>with</c> copy), or a
    /// message that arrived on an earlier connection (the acknowledgement is dropped: the broker redelivers the message
    /// on a persistent session, so it is received again) or whose connection is gone. Cancelling stops the wait, not
    /// the acknowledgement. Throws <see cref="ArgumentException"/> for a message this client did not deliver.
    /// </summary>
    public Task AcknowledgeAsync(MqttApplicationMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        return _inbound.AcknowledgeAsync(message).WaitAsync(cancellationToken);
    }

    /// <summary>Handles one packet from the receive loop. Must not block: it only routes.</summary>
    private ValueTask OnPacketAsync(MqttConnection connection, MqttPacket packet)
    {
        switch (packet)
        {
            case PublishPacket { Qos: MqttQos.ExactlyOnce } publish:
                throw new MqttProtocolException($"The broker sent a QoS 2 PUBLISH on '{publish.Topic}'; this client subscribes with QoS 0 or 1 only.");
            case PublishPacket publish:
                return _inbound.DeliverAsync(publish, connection);
            case PubAckPacket pubAck:
                if (!_inflight.TryAcknowledge(pubAck.PacketId))
                {
                    _logger.LogDebug("PUBACK for unknown packet id {PacketId} ignored", pubAck.PacketId);
                }

                break;
            case SubAckPacket or UnsubAckPacket:
                ushort id = packet is SubAckPacket subAck ? subAck.PacketId : ((UnsubAckPacket)packet).PacketId;
                if (!_pendingRequests.TryComplete(id, packet))
                {
                    _logger.LogDebug("{Type} for unknown packet id {PacketId} ignored", packet.Type, id);
                }

                break;
            case PingRespPacket:
                break;
            default:
                throw new MqttProtocolException($"The broker sent an unexpected {packet.Type} packet.");
        }

        return ValueTask.CompletedTask;
    }

    private void SetState(MqttClientState state, string reason, Exception? error = null)
    {
        _state = state;
        var level = state == MqttClientState.Reconnecting ? LogLevel.Warning : LogLevel.Information;
        _logger.Log(level, "MQTT client '{ClientId}' is {State}: {Reason}", _options.ClientId, state, reason);
        try
        {
            StateChanged?.Invoke(this, new MqttClientStateChangedEventArgs(state, reason, error));
        }
        catch (Exception handlerError)
        {
            _logger.LogError(handlerError, "A StateChanged handler threw");
        }
    }
}
