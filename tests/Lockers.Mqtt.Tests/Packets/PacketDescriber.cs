using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>
/// Describes a packet with every field, payloads in hex. Records compare
/// <see cref="ReadOnlyMemory{T}"/> and lists by reference, so tests compare these descriptions instead.
/// </summary>
internal static class PacketDescriber
{
    public static string Describe(MqttPacket packet) => packet switch
    {
        ConnectPacket p => $"CONNECT id={p.ClientId} clean={p.CleanSession} keepAlive={p.KeepAliveSeconds} " +
            $"user={p.UserName ?? "<none>"} password={(p.Password is { } pw ? Hex(pw) : "<none>")} " +
            $"will={(p.Will is { } w ? $"{w.Topic}|{Hex(w.Payload)}|{w.Qos}|{w.Retain}" : "<none>")}",
        ConnAckPacket p => $"CONNACK sessionPresent={p.SessionPresent} code={p.ReturnCode}",
        PublishPacket p => $"PUBLISH topic={p.Topic} qos={p.Qos} retain={p.Retain} dup={p.Dup} id={p.PacketId} payload={Hex(p.Payload)}",
        SubscribePacket p => $"SUBSCRIBE id={p.PacketId} [{string.Join(", ", p.Subscriptions.Select(s => $"{s.TopicFilter}@{s.Qos}"))}]",
        SubAckPacket p => $"SUBACK id={p.PacketId} [{string.Join(", ", p.ReturnCodes.Select(c => c.ToString("X2")))}]",
        UnsubscribePacket p => $"UNSUBSCRIBE id={p.PacketId} [{string.Join(", ", p.TopicFilters)}]",
        _ => packet.ToString(),
    };

    private static string Hex(ReadOnlyMemory<byte> bytes) => bytes.Length > 64
        ? $"{bytes.Length} bytes, sha256 {Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(bytes.Span))[..16]}"
        : Convert.ToHexString(bytes.Span);
}
