namespace Lockers.Mqtt.Packets;

/// <summary>MQTT 3.1.1 control packet types (spec 2.2.1), the high nibble of the fixed header.</summary>
public enum MqttPacketType : byte
{
    Connect = 1,
    ConnAck = 2,
    Publish = 3,
    PubAck = 4,
    PubRec = 5,
    PubRel = 6,
    PubComp = 7,
    Subscribe = 8,
    SubAck = 9,
    Unsubscribe = 10,
    UnsubAck = 11,
    PingReq = 12,
    PingResp = 13,
    Disconnect = 14,
}

/// <summary>Quality of service levels (spec 4.3).</summary>
public enum MqttQos : byte
{
    AtMostOnce = 0,
    AtLeastOnce = 1,
    ExactlyOnce = 2,
}

/// <summary>CONNACK return codes (spec 3.2.2.3).</summary>
public enum ConnectReturnCode : byte
{
    Accepted = 0,
    UnacceptableProtocolVersion = 1,
    IdentifierRejected = 2,
    ServerUnavailable = 3,
    BadUserNameOrPassword = 4,
    NotAuthorized = 5,
}

/// <summary>A decoded or to-be-encoded MQTT control packet. Packets are immutable values.</summary>
public abstract record MqttPacket
{
    /// <summary>The packet's type, as written in the fixed header.</summary>
    public abstract MqttPacketType Type { get; }
}

/// <summary>The last will the broker publishes when the client vanishes without DISCONNECT.</summary>
public sealed record MqttWill(string Topic, ReadOnlyMemory<byte> Payload, MqttQos Qos, bool Retain);

/// <summary>CONNECT (spec 3.1). Protocol name "MQTT", level 4.</summary>
public sealed record ConnectPacket(
    string ClientId,
    bool CleanSession,
    ushort KeepAliveSeconds,
    string? UserName = null,
    ReadOnlyMemory<byte>? Password = null,
    MqttWill? Will = null) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Connect;
}

/// <summary>CONNACK (spec 3.2).</summary>
public sealed record ConnAckPacket(bool SessionPresent, ConnectReturnCode ReturnCode) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.ConnAck;
}

/// <summary>PUBLISH (spec 3.3). <see cref="PacketId"/> is 0 for QoS 0 and non-zero otherwise.</summary>
public sealed record PublishPacket(
    string Topic,
    ReadOnlyMemory<byte> Payload,
    MqttQos Qos = MqttQos.AtMostOnce,
    bool Retain = false,
    bool Dup = false,
    ushort PacketId = 0) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Publish;
}

/// <summary>PUBACK (spec 3.4): acknowledges a QoS 1 PUBLISH.</summary>
public sealed record PubAckPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.PubAck;
}

/// <summary>PUBREC (spec 3.5), QoS 2 step 1.</summary>
public sealed record PubRecPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.PubRec;
}

/// <summary>PUBREL (spec 3.6), QoS 2 step 2. Its fixed-header flags must be 0b0010.</summary>
public sealed record PubRelPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.PubRel;
}

/// <summary>PUBCOMP (spec 3.7), QoS 2 step 3.</summary>
public sealed record PubCompPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.PubComp;
}

/// <summary>One topic filter and the maximum QoS requested for it.</summary>
public sealed record MqttSubscription(string TopicFilter, MqttQos Qos);

/// <summary>SUBSCRIBE (spec 3.8). At least one subscription.</summary>
public sealed record SubscribePacket(ushort PacketId, IReadOnlyList<MqttSubscription> Subscriptions) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Subscribe;
}

/// <summary>SUBACK (spec 3.9). Each return code is the granted QoS (0, 1, 2) or 0x80 for failure.</summary>
public sealed record SubAckPacket(ushort PacketId, IReadOnlyList<byte> ReturnCodes) : MqttPacket
{
    /// <summary>The return code a broker sends for a refused subscription.</summary>
    public const byte Failure = 0x80;

    public override MqttPacketType Type => MqttPacketType.SubAck;
}

/// <summary>UNSUBSCRIBE (spec 3.10). At least one topic filter.</summary>
public sealed record UnsubscribePacket(ushort PacketId, IReadOnlyList<string> TopicFilters) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.Unsubscribe;
}

/// <summary>UNSUBACK (spec 3.11).</summary>
public sealed record UnsubAckPacket(ushort PacketId) : MqttPacket
{
    public override MqttPacketType Type => MqttPacketType.UnsubAck;
}

/// <summary>PINGREQ (spec 3.12).</summary>
public sealed record PingReqPacket : MqttPacket
{
    public static readonly PingReqPacket Instance = new();
    public override MqttPacketType Type => MqttPacketType.PingReq;
}

/// <summary>PINGRESP (spec 3.13).</summary>
public sealed record PingRespPacket : MqttPacket
{
    public static readonly PingRespPacket Instance = new();
    public override MqttPacketType Type => MqttPacketType.PingResp;
}

/// <summary>DISCONNECT (spec 3.14).</summary>
public sealed record DisconnectPacket : MqttPacket
{
    public static readonly DisconnectPacket Instance = new();
    public override MqttPacketType Type => MqttPacketType.Disconnect;
}
