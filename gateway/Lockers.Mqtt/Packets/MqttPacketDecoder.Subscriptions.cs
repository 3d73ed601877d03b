namespace Lockers.Mqtt.Packets;

internal static partial class MqttPacketDecoder
{
    private static SubscribePacket DecodeSubscribe(ref MqttBodyReader reader)
    {
        ushort packetId = reader.ReadPacketId();
        RequirePayload(ref reader, "topic filter");
        // Sized once for the most entries the body could hold (2-byte length, 1 character, QoS byte),
        // so a long list never leaves a trail of outgrown arrays behind.
        var subscriptions = new List<MqttSubscription>(reader.Remaining / 4);
        while (!reader.IsAtEnd)
        {
            string filter = ReadTopicFilter(ref reader);
            byte requested = reader.ReadByte("requested QoS");
            if ((requested & 0xFC) != 0)
            {
                throw reader.Malformed($"requested QoS byte 0x{requested:X2} sets reserved bits 7-2 (spec 3.8.3.1)");
            }
            if (requested == 3)
            {
                throw reader.Malformed("requested QoS is 3 (spec 3.8.3.1)");
            }
            subscriptions.Add(new MqttSubscription(filter, (MqttQos)requested));
        }
        return new SubscribePacket(packetId, subscriptions);
    }

    private static SubAckPacket DecodeSubAck(ref MqttBodyReader reader)
    {
        ushort packetId = reader.ReadPacketId();
        RequirePayload(ref reader, "return code");
        var codes = new byte[reader.Remaining];
        for (int i = 0; i < codes.Length; i++)
        {
            byte code = reader.ReadByte("return code");
            if (!MqttPacketEncoder.IsValidSubAckReturnCode(code))
            {
                throw reader.Malformed($"return code 0x{code:X2} is not 0x00, 0x01, 0x02 or 0x80 (spec 3.9.3)");
            }
            codes[i] = code;
        }
        return new SubAckPacket(packetId, codes);
    }

    private static UnsubscribePacket DecodeUnsubscribe(ref MqttBodyReader reader)
    {
        ushort packetId = reader.ReadPacketId();
        RequirePayload(ref reader, "topic filter");
        var filters = new List<string>(reader.Remaining / 3); // at least 3 bytes per filter, as above
        while (!reader.IsAtEnd)
        {
            filters.Add(ReadTopicFilter(ref reader));
        }
        return new UnsubscribePacket(packetId, filters);
    }

    private static string ReadTopicFilter(ref MqttBodyReader reader)
    {
        string filter = reader.ReadString("topic filter");
        string? error = MqttTopic.GetTopicFilterError(filter, encodingChecked: true);
        return error is null ? filter : throw reader.Malformed($"invalid topic filter \"{filter}\": {error}");
    }

    /// <summary>SUBSCRIBE, SUBACK and UNSUBSCRIBE carry at least one entry (spec 3.8.3, 3.10.3).</summary>
    private static void RequirePayload(ref MqttBodyReader reader, string entry)
    {
        if (reader.IsAtEnd)
        {
            throw reader.Malformed($"payload has no {entry}; at least one is required (spec 3.8.3, 3.9.3, 3.10.3)");
        }
    }
}
