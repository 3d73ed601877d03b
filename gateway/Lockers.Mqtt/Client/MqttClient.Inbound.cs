using Lockers.Mqtt.Packets;
using Microsoft.Extensions.Logging;

namespace Lockers.Mqtt.Client;

public sealed partial class MqttClient
{
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
