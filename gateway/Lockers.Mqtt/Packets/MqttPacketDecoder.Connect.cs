namespace Lockers.Mqtt.Packets;

internal static partial class MqttPacketDecoder
{
    private static ConnectPacket DecodeConnect(ref MqttBodyReader reader)
    {
        string protocolName = reader.ReadString("protocol name");
        if (protocolName != MqttPacketEncoder.ProtocolName)
        {
            string hint = protocolName == "MQIsdp" ? " (that is MQTT 3.1, which is not supported)" : string.Empty;
            throw reader.Malformed($"protocol name is \"{protocolName}\", expected \"MQTT\"{hint} (spec 3.1.2.1)");
        }
        byte level = reader.ReadByte("protocol level");
        if (level != MqttPacketEncoder.ProtocolLevel)
        {
            throw reader.Malformed($"protocol level {level} is not supported; only 4 (MQTT 3.1.1) is (spec 3.1.2.2)");
        }
        int flags = reader.ReadByte("connect flags");
        ValidateConnectFlags(flags, ref reader);
        ushort keepAlive = reader.ReadUInt16("keep alive");
        bool cleanSession = (flags & ConnectFlags.CleanSession) != 0;

        string clientId = reader.ReadString("client identifier");
        if (clientId.Length == 0 && !cleanSession)
        {
            throw reader.Malformed("an empty client identifier requires clean session 1 (spec 3.1.3.1)");
        }
        MqttWill? will = null;
        if ((flags & ConnectFlags.Will) != 0)
        {
            string willTopic = reader.ReadString("will topic");
            string? topicError = MqttTopic.GetTopicNameError(willTopic, encodingChecked: true);
            if (topicError is not null)
            {
                throw reader.Malformed($"invalid will topic: {topicError}");
            }
            ReadOnlyMemory<byte> willMessage = reader.ReadBinary("will message");
            var willQos = (MqttQos)((flags & ConnectFlags.WillQosMask) >> ConnectFlags.WillQosShift);
            will = new MqttWill(willTopic, willMessage, willQos, (flags & ConnectFlags.WillRetain) != 0);
        }
        string? userName = (flags & ConnectFlags.UserName) != 0 ? reader.ReadString("user name") : null;
        // The explicit nullable cast matters: a bare null would convert to an empty ReadOnlyMemory via byte[].
        ReadOnlyMemory<byte>? password = (flags & ConnectFlags.Password) != 0 ? reader.ReadBinary("password") : (ReadOnlyMemory<byte>?)null;
        return new ConnectPacket(clientId, cleanSession, keepAlive, userName, password, will);
    }

    private static void ValidateConnectFlags(int flags, ref MqttBodyReader reader)
    {
        if ((flags & ConnectFlags.Reserved) != 0)
        {
            throw reader.Malformed("connect flags reserved bit 0 is set (spec 3.1.2.3)");
        }
        int willQos = (flags & ConnectFlags.WillQosMask) >> ConnectFlags.WillQosShift;
        if ((flags & ConnectFlags.Will) == 0)
        {
            if (willQos != 0 || (flags & ConnectFlags.WillRetain) != 0)
            {
                throw reader.Malformed("will QoS or will retain is set without the will flag (spec 3.1.2.6, 3.1.2.7)");
            }
        }
        else if (willQos == 3)
        {
            throw reader.Malformed("will QoS is 3 (spec 3.1.2.6)");
        }
        if ((flags & ConnectFlags.Password) != 0 && (flags & ConnectFlags.UserName) == 0)
        {
            throw reader.Malformed("password flag is set without the user name flag (spec 3.1.2.9)");
        }
    }
}
