using System.Buffers;

namespace Lockers.Mqtt.Packets;

internal static partial class MqttPacketEncoder
{
    private static int EncodePublish(PublishPacket packet, IBufferWriter<byte> output)
    {
        int topicBytes = CountTopicName(packet.Topic, "PUBLISH topic name");
        RequireQos(packet.Qos, "PUBLISH");
        if (packet.Qos == MqttQos.AtMostOnce)
        {
            if (packet.PacketId != 0)
            {
                throw new ArgumentException("PUBLISH with QoS 0 must not carry a packet identifier (spec 2.3.1)", nameof(packet));
            }
            if (packet.Dup)
            {
                throw new ArgumentException("PUBLISH with QoS 0 must have DUP 0 (spec 3.3.1.1)", nameof(packet));
            }
        }
        else
        {
            RequirePacketId(packet.PacketId, MqttPacketType.Publish);
        }

        int headerPart = 2 + topicBytes + (packet.Qos == MqttQos.AtMostOnce ? 0 : 2);
        int remaining = RequireRemainingLength((long)headerPart + packet.Payload.Length, MqttPacketType.Publish);
        int flags = (packet.Dup ? 0b1000 : 0) | ((int)packet.Qos << 1) | (packet.Retain ? 1 : 0);

        // The header and topic go into one span; the payload is copied afterwards in whatever chunks
        // the writer offers, so a large payload never needs one contiguous buffer of its full size.
        int headerLength = 1 + RemainingLengthField.GetEncodedSize(remaining) + headerPart;
        var writer = new MqttBodyWriter(output.GetSpan(headerLength));
        writer.WriteFixedHeader(MqttPacketType.Publish, flags, remaining);
        writer.WriteString(packet.Topic);
        if (packet.Qos != MqttQos.AtMostOnce)
        {
            writer.WriteUInt16(packet.PacketId);
        }
        output.Advance(headerLength);
        output.Write(packet.Payload.Span);
        return headerLength + packet.Payload.Length;
    }
}
