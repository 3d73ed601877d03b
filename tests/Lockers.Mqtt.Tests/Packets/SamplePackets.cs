using System.Text;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>
/// Valid packets of every type with varied fields (edge values, Unicode, shared subscriptions,
/// empty and large payloads), used by round-trip, segmentation and fuzz tests.
/// </summary>
internal static class SamplePackets
{
    /// <summary>Small packets (under 300 bytes), cheap enough to feed byte by byte.</summary>
    public static IEnumerable<MqttPacket> Small()
    {
        yield return new ConnectPacket("locker-0042", CleanSession: true, KeepAliveSeconds: 30);
        yield return new ConnectPacket("", CleanSession: true, KeepAliveSeconds: 0);
        yield return new ConnectPacket("gw-1", CleanSession: false, KeepAliveSeconds: ushort.MaxValue, UserName: "gateway", Password: Utf8("s3cret"));
        yield return new ConnectPacket("c", true, 60, UserName: "", Password: ReadOnlyMemory<byte>.Empty);
        yield return new ConnectPacket("lk-7", false, 15, UserName: "lk-7", Password: new byte[] { 0, 255, 1 },
            Will: new MqttWill("lockers/v1/lk-7/status", Utf8("offline"), MqttQos.AtLeastOnce, Retain: true));
        yield return new ConnectPacket("ü€😀", true, 1, Will: new MqttWill("ü/€/😀", ReadOnlyMemory<byte>.Empty, MqttQos.ExactlyOnce, false));
        yield return new ConnAckPacket(false, ConnectReturnCode.Accepted);
        yield return new ConnAckPacket(true, ConnectReturnCode.Accepted);
        yield return new ConnAckPacket(false, ConnectReturnCode.UnacceptableProtocolVersion);
        yield return new ConnAckPacket(false, ConnectReturnCode.BadUserNameOrPassword);
        yield return new PublishPacket("lockers/v1/lk-1/events", Utf8("{\"seq\":1,\"door\":3,\"state\":\"open\"}"), MqttQos.AtLeastOnce, PacketId: 1);
        yield return new PublishPacket("t", ReadOnlyMemory<byte>.Empty);
        yield return new PublishPacket("/", new byte[] { 0 }, MqttQos.AtMostOnce, Retain: true);
        yield return new PublishPacket("$SYS/broker/uptime", Utf8("12 seconds"), MqttQos.ExactlyOnce, Retain: true, Dup: true, PacketId: ushort.MaxValue);
        yield return new PublishPacket("a//b/", Enumerable.Range(0, 200).Select(i => (byte)i).ToArray(), MqttQos.AtLeastOnce, Dup: true, PacketId: 513);
        yield return new PubAckPacket(1);
        yield return new PubRecPacket(ushort.MaxValue);
        yield return new PubRelPacket(0x0100);
        yield return new PubCompPacket(0x00FF);
        yield return new SubscribePacket(1, [new MqttSubscription("lockers/v1/+/events", MqttQos.AtLeastOnce)]);
        yield return new SubscribePacket(ushort.MaxValue,
        [
            new MqttSubscription("#", MqttQos.AtMostOnce),
            new MqttSubscription("$share/gateways/lockers/v1/+/events", MqttQos.AtLeastOnce),
            new MqttSubscription("+/+/#", MqttQos.ExactlyOnce),
            new MqttSubscription("ü/€", MqttQos.AtMostOnce),
        ]);
        yield return new SubAckPacket(7, [0x00]);
        yield return new SubAckPacket(8, [0x01, 0x80, 0x02, 0x00, 0x80]);
        yield return new UnsubscribePacket(9, ["a/b"]);
        yield return new UnsubscribePacket(0xABCD, ["$share/g/#", "+", "x/+/y"]);
        yield return new UnsubAckPacket(0xABCD);
        yield return PingReqPacket.Instance;
        yield return PingRespPacket.Instance;
        yield return DisconnectPacket.Instance;
    }

    /// <summary>Packets with fields at their size limits.</summary>
    public static IEnumerable<MqttPacket> Large()
    {
        string longest = new('x', MqttStrings.MaxFieldBytes);
        byte[] longestBinary = Enumerable.Range(0, MqttStrings.MaxFieldBytes).Select(i => (byte)(i * 7)).ToArray();
        yield return new ConnectPacket(longest, false, 10, UserName: longest, Password: longestBinary,
            Will: new MqttWill(longest, longestBinary, MqttQos.AtLeastOnce, true));
        yield return new PublishPacket(longest, new byte[1_000_000], MqttQos.AtLeastOnce, PacketId: 42);
        yield return new SubscribePacket(3, Enumerable.Range(0, 2000).Select(i => new MqttSubscription($"lockers/{i}/#", (MqttQos)(i % 3))).ToArray());
        yield return new SubAckPacket(3, Enumerable.Range(0, 2000).Select(i => i % 4 == 3 ? SubAckPacket.Failure : (byte)(i % 4)).ToArray());
        yield return new UnsubscribePacket(4, Enumerable.Range(0, 2000).Select(i => $"lockers/{i}/+").ToArray());
    }

    public static IEnumerable<MqttPacket> All() => Small().Concat(Large());

    private static ReadOnlyMemory<byte> Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
