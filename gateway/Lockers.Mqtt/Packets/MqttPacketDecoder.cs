namespace Lockers.Mqtt.Packets;

/// <summary>
/// Turns one complete packet body into a packet. The fixed header has already been checked
/// (type, flags, size); this checks every field and that the fields exactly fill the body.
/// </summary>
internal static partial class MqttPacketDecoder
{
    /// <summary>Decodes the body that follows <paramref name="header"/>.</summary>
    public static MqttPacket Decode(MqttFixedHeader header, ReadOnlySpan<byte> body)
    {
        var reader = new MqttBodyReader(body, MqttPacketNames.Of(header.Type));
        MqttPacket packet = header.Type switch
        {
            MqttPacketType.Connect => DecodeConnect(ref reader),
            MqttPacketType.ConnAck => DecodeConnAck(ref reader),
            MqttPacketType.Publish => DecodePublish(header.Flags, ref reader),
            MqttPacketType.PubAck => new PubAckPacket(reader.ReadPacketId()),
            MqttPacketType.PubRec => new PubRecPacket(reader.ReadPacketId()),
            MqttPacketType.PubRel => new PubRelPacket(reader.ReadPacketId()),
            MqttPacketType.PubComp => new PubCompPacket(reader.ReadPacketId()),
            MqttPacketType.Subscribe => DecodeSubscribe(ref reader),
            MqttPacketType.SubAck => DecodeSubAck(ref reader),
            MqttPacketType.Unsubscribe => DecodeUnsubscribe(ref reader),
            MqttPacketType.UnsubAck => new UnsubAckPacket(reader.ReadPacketId()),
            MqttPacketType.PingReq => PingReqPacket.Instance,
            MqttPacketType.PingResp => PingRespPacket.Instance,
            MqttPacketType.Disconnect => DisconnectPacket.Instance,
            _ => throw new MqttProtocolException($"packet type {(int)header.Type} is reserved (spec 2.2.1)"),
        };
        reader.EnsureAtEnd();
        return packet;
    }

    private static ConnAckPacket DecodeConnAck(ref MqttBodyReader reader)
    {
        byte acknowledgeFlags = reader.ReadByte("acknowledge flags");
        if ((acknowledgeFlags & 0xFE) != 0)
        {
            throw reader.Malformed($"acknowledge flags 0x{acknowledgeFlags:X2} set reserved bits 7-1 (spec 3.2.2.1)");
        }
        byte returnCode = reader.ReadByte("return code");
        if (returnCode > (byte)ConnectReturnCode.NotAuthorized)
        {
            throw reader.Malformed($"return code {returnCode} is reserved (spec 3.2.2.3)");
        }
        bool sessionPresent = acknowledgeFlags == 1;
        if (sessionPresent && returnCode != 0)
        {
            throw reader.Malformed($"session present is 1 with refusing return code {returnCode} (spec 3.2.2.2)");
        }
        return new ConnAckPacket(sessionPresent, (ConnectReturnCode)returnCode);
    }

    private static PublishPacket DecodePublish(int flags, ref MqttBodyReader reader)
    {
        var qos = (MqttQos)((flags >> 1) & 0b11);
        string topic = reader.ReadString("topic name");
        string? topicError = MqttTopic.GetTopicNameError(topic, encodingChecked: true);
        if (topicError is not null)
        {
            throw reader.Malformed($"invalid topic name: {topicError}");
        }
        ushort packetId = qos == MqttQos.AtMostOnce ? (ushort)0 : reader.ReadPacketId();
        ReadOnlyMemory<byte> payload = reader.ReadRest();
        return new PublishPacket(topic, payload, qos, Retain: (flags & 1) != 0, Dup: (flags & 0b1000) != 0, packetId);
    }
}
