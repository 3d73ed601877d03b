using System.Buffers;

namespace Lockers.Mqtt.Packets;

/// <summary>
/// Turns packets into bytes. Each packet is validated and sized first, then written in one pass
/// straight into the writer's span; nothing is written when validation fails.
/// </summary>
internal static partial class MqttPacketEncoder
{
    /// <summary>See <see cref="MqttPacketCodec.Encode"/>.</summary>
    public static int Encode(MqttPacket packet, IBufferWriter<byte> output)
    {
        ArgumentNullException.ThrowIfNull(packet);
        ArgumentNullException.ThrowIfNull(output);
        return packet switch
        {
            ConnectPacket connect => EncodeConnect(connect, output),
            ConnAckPacket connAck => EncodeConnAck(connAck, output),
            PublishPacket publish => EncodePublish(publish, output),
            PubAckPacket p => EncodePacketIdOnly(MqttPacketType.PubAck, 0, p.PacketId, output),
            PubRecPacket p => EncodePacketIdOnly(MqttPacketType.PubRec, 0, p.PacketId, output),
            PubRelPacket p => EncodePacketIdOnly(MqttPacketType.PubRel, MqttFixedHeader.RequiredFlagsForAcknowledgedRequests, p.PacketId, output),
            PubCompPacket p => EncodePacketIdOnly(MqttPacketType.PubComp, 0, p.PacketId, output),
            UnsubAckPacket p => EncodePacketIdOnly(MqttPacketType.UnsubAck, 0, p.PacketId, output),
            SubscribePacket subscribe => EncodeSubscribe(subscribe, output),
            SubAckPacket subAck => EncodeSubAck(subAck, output),
            UnsubscribePacket unsubscribe => EncodeUnsubscribe(unsubscribe, output),
            PingReqPacket or PingRespPacket or DisconnectPacket => EncodeHeaderOnly(packet.Type, output),
            _ => throw new ArgumentException($"cannot encode packet type {packet.GetType().Name}", nameof(packet)),
        };
    }

    private static int EncodeHeaderOnly(MqttPacketType type, IBufferWriter<byte> output)
    {
        Span<byte> span = output.GetSpan(2);
        span[0] = MqttFixedHeader.ComposeFirstByte(type, 0);
        span[1] = 0;
        output.Advance(2);
        return 2;
    }

    private static int EncodePacketIdOnly(MqttPacketType type, int flags, ushort packetId, IBufferWriter<byte> output)
    {
        RequirePacketId(packetId, type);
        var writer = new MqttBodyWriter(output.GetSpan(4));
        writer.WriteFixedHeader(type, flags, 2);
        writer.WriteUInt16(packetId);
        output.Advance(4);
        return 4;
    }

    private static int EncodeConnAck(ConnAckPacket packet, IBufferWriter<byte> output)
    {
        if ((byte)packet.ReturnCode > (byte)ConnectReturnCode.NotAuthorized)
        {
            throw new ArgumentException($"CONNACK return code {(byte)packet.ReturnCode} is reserved (spec 3.2.2.3)", nameof(packet));
        }
        if (packet.SessionPresent && packet.ReturnCode != ConnectReturnCode.Accepted)
        {
            throw new ArgumentException("CONNACK refusing a connection must have session present 0 (spec 3.2.2.2)", nameof(packet));
        }
        var writer = new MqttBodyWriter(output.GetSpan(4));
        writer.WriteFixedHeader(MqttPacketType.ConnAck, 0, 2);
        writer.WriteByte(packet.SessionPresent ? (byte)1 : (byte)0);
        writer.WriteByte((byte)packet.ReturnCode);
        output.Advance(4);
        return 4;
    }

    /// <summary>Writes a fully sized packet: header plus <paramref name="remainingLength"/> body bytes.</summary>
    private static int WriteSized<TState>(
        MqttPacketType type, int flags, int remainingLength, TState state, IBufferWriter<byte> output, WriteBody<TState> writeBody)
    {
        int total = 1 + RemainingLengthField.GetEncodedSize(remainingLength) + remainingLength;
        var writer = new MqttBodyWriter(output.GetSpan(total)[..total]);
        writer.WriteFixedHeader(type, flags, remainingLength);
        writeBody(ref writer, state);
        System.Diagnostics.Debug.Assert(writer.Position == total, "sizing and writing disagree");
        output.Advance(total);
        return total;
    }

    private delegate void WriteBody<TState>(ref MqttBodyWriter writer, TState state);

    private static void RequirePacketId(ushort packetId, MqttPacketType type)
    {
        if (packetId == 0)
        {
            throw new ArgumentException($"{MqttPacketNames.Of(type)} needs a non-zero packet identifier (spec 2.3.1)", "packet");
        }
    }

    private static void RequireQos(MqttQos qos, string what)
    {
        if ((byte)qos > 2)
        {
            throw new ArgumentException($"{what} QoS {(byte)qos} is not 0, 1 or 2", "packet");
        }
    }

    /// <summary>Validates a topic name in one scan for encoding and one for wildcards; returns its UTF-8 length.</summary>
    private static int CountTopicName(string topic, string what)
    {
        ArgumentNullException.ThrowIfNull(topic, what);
        int byteCount = MqttStrings.GetValidatedByteCount(topic, what);
        string? error = MqttTopic.GetTopicNameError(topic, encodingChecked: true);
        return error is null ? byteCount : throw new ArgumentException($"invalid {what} \"{topic}\": {error}", "packet");
    }

    /// <summary>Validates a topic filter like <see cref="CountTopicName"/>; returns its UTF-8 length.</summary>
    private static int CountTopicFilter(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter, "topic filter");
        int byteCount = MqttStrings.GetValidatedByteCount(filter, "topic filter");
        string? error = MqttTopic.GetTopicFilterError(filter, encodingChecked: true);
        return error is null ? byteCount : throw new ArgumentException($"invalid topic filter \"{filter}\": {error}", "packet");
    }

    private static int RequireFieldLength(int length, string what) => length <= MqttStrings.MaxFieldBytes
        ? length
        : throw new ArgumentException($"{what} is {length} bytes, more than the maximum of {MqttStrings.MaxFieldBytes}", "packet");

    private static int RequireRemainingLength(long remainingLength, MqttPacketType type) => remainingLength <= MqttPacketCodec.MaxRemainingLength
        ? (int)remainingLength
        : throw new ArgumentException(
            $"{MqttPacketNames.Of(type)} body of {remainingLength} bytes exceeds the MQTT maximum of {MqttPacketCodec.MaxRemainingLength}", "packet");
}
