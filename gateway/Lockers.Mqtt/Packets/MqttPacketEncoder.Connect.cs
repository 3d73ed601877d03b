using System.Buffers;

namespace Lockers.Mqtt.Packets;

internal static partial class MqttPacketEncoder
{
    /// <summary>The protocol name and level of MQTT 3.1.1 (spec 3.1.2.1, 3.1.2.2).</summary>
    internal const string ProtocolName = "MQTT";
    internal const byte ProtocolLevel = 4;

    private const int ConnectVariableHeaderLength = 2 + 4 + 1 + 1 + 2;

    private static int EncodeConnect(ConnectPacket packet, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(packet.ClientId, "packet.ClientId");
        if (packet.ClientId.Length == 0 && !packet.CleanSession)
        {
            throw new ArgumentException("CONNECT with an empty client identifier requires clean session (spec 3.1.3.1)", nameof(packet));
        }
        if (packet.Password is not null && packet.UserName is null)
        {
            throw new ArgumentException("CONNECT with a password requires a user name (spec 3.1.2.9)", nameof(packet));
        }
        long length = ConnectVariableHeaderLength + 2L + MqttStrings.GetValidatedByteCount(packet.ClientId, "CONNECT client identifier");
        if (packet.Will is { } will)
        {
            RequireQos(will.Qos, "will");
            length += 2 + CountTopicName(will.Topic, "will topic");
            length += 2 + RequireFieldLength(will.Payload.Length, "will message");
        }
        if (packet.UserName is not null)
        {
            length += 2 + MqttStrings.GetValidatedByteCount(packet.UserName, "CONNECT user name");
        }
        if (packet.Password is { } password)
        {
            length += 2 + RequireFieldLength(password.Length, "CONNECT password");
        }
        int remaining = RequireRemainingLength(length, MqttPacketType.Connect);
        return WriteSized(MqttPacketType.Connect, 0, remaining, packet, output, WriteConnectBody);
    }

    private static void WriteConnectBody(ref MqttBodyWriter writer, ConnectPacket packet)
    {
        writer.WriteString(ProtocolName);
        writer.WriteByte(ProtocolLevel);
        writer.WriteByte(ComposeConnectFlags(packet));
        writer.WriteUInt16(packet.KeepAliveSeconds);
        writer.WriteString(packet.ClientId);
        if (packet.Will is { } will)
        {
            writer.WriteString(will.Topic);
            writer.WriteBinary(will.Payload.Span);
        }
        if (packet.UserName is not null)
        {
            writer.WriteString(packet.UserName);
        }
        if (packet.Password is { } password)
        {
            writer.WriteBinary(password.Span);
        }
    }

    /// <summary>Connect flags byte (spec 3.1.2.3); bit 0 is reserved and stays 0.</summary>
    internal static byte ComposeConnectFlags(ConnectPacket packet)
    {
        int flags = 0;
        if (packet.CleanSession)
        {
            flags |= ConnectFlags.CleanSession;
        }
        if (packet.Will is { } will)
        {
            flags |= ConnectFlags.Will | ((int)will.Qos << ConnectFlags.WillQosShift);
            if (will.Retain)
            {
                flags |= ConnectFlags.WillRetain;
            }
        }
        if (packet.Password is not null)
        {
            flags |= ConnectFlags.Password;
        }
        if (packet.UserName is not null)
        {
            flags |= ConnectFlags.UserName;
        }
        return (byte)flags;
    }
}
