using System.Buffers;

namespace Lockers.Mqtt.Packets;

internal static partial class MqttPacketEncoder
{
    private static int EncodeSubscribe(SubscribePacket packet, IBufferWriter<byte> output)
    {
        RequirePacketId(packet.PacketId, MqttPacketType.Subscribe);
        RequireNonEmpty(packet.Subscriptions, MqttPacketType.Subscribe);
        long length = 2;
        foreach (var subscription in packet.Subscriptions)
        {
            ArgumentNullException.ThrowIfNull(subscription, "packet.Subscriptions[i]");
            RequireQos(subscription.Qos, "requested");
            length += 2 + CountTopicFilter(subscription.TopicFilter) + 1;
        }
        int remaining = RequireRemainingLength(length, MqttPacketType.Subscribe);
        return WriteSized(MqttPacketType.Subscribe, MqttFixedHeader.RequiredFlagsForAcknowledgedRequests, remaining, packet, output,
            static (ref MqttBodyWriter writer, SubscribePacket p) =>
            {
                writer.WriteUInt16(p.PacketId);
                foreach (var subscription in p.Subscriptions)
                {
                    writer.WriteString(subscription.TopicFilter);
                    writer.WriteByte((byte)subscription.Qos);
                }
            });
    }

    private static int EncodeSubAck(SubAckPacket packet, IBufferWriter<byte> output)
    {
        RequirePacketId(packet.PacketId, MqttPacketType.SubAck);
        RequireNonEmpty(packet.ReturnCodes, MqttPacketType.SubAck);
        foreach (byte code in packet.ReturnCodes)
        {
            if (!IsValidSubAckReturnCode(code))
            {
                throw new ArgumentException($"SUBACK return code 0x{code:X2} is not 0x00, 0x01, 0x02 or 0x80 (spec 3.9.3)", nameof(packet));
            }
        }
        int remaining = RequireRemainingLength(2L + packet.ReturnCodes.Count, MqttPacketType.SubAck);
        return WriteSized(MqttPacketType.SubAck, 0, remaining, packet, output,
            static (ref MqttBodyWriter writer, SubAckPacket p) =>
            {
                writer.WriteUInt16(p.PacketId);
                foreach (byte code in p.ReturnCodes)
                {
                    writer.WriteByte(code);
                }
            });
    }

    private static int EncodeUnsubscribe(UnsubscribePacket packet, IBufferWriter<byte> output)
    {
        RequirePacketId(packet.PacketId, MqttPacketType.Unsubscribe);
        RequireNonEmpty(packet.TopicFilters, MqttPacketType.Unsubscribe);
        long length = 2;
        foreach (string filter in packet.TopicFilters)
        {
            length += 2 + CountTopicFilter(filter);
        }
        int remaining = RequireRemainingLength(length, MqttPacketType.Unsubscribe);
        return WriteSized(MqttPacketType.Unsubscribe, MqttFixedHeader.RequiredFlagsForAcknowledgedRequests, remaining, packet, output,
            static (ref MqttBodyWriter writer, UnsubscribePacket p) =>
            {
                writer.WriteUInt16(p.PacketId);
                foreach (string filter in p.TopicFilters)
                {
                    writer.WriteString(filter);
                }
            });
    }

    /// <summary>Granted QoS 0..2 or failure (spec 3.9.3).</summary>
    internal static bool IsValidSubAckReturnCode(byte code) => code is 0 or 1 or 2 or SubAckPacket.Failure;

    private static void RequireNonEmpty<T>(IReadOnlyCollection<T>? items, MqttPacketType type)
    {
        if (items is null || items.Count == 0)
        {
            throw new ArgumentException($"{MqttPacketNames.Of(type)} needs at least one entry in its payload", "packet");
        }
    }
}
