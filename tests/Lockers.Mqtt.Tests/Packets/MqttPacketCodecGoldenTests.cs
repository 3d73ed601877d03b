using System.Text;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>
/// Golden bytes written out by hand from the MQTT 3.1.1 spec, checked both ways:
/// encoding the packet gives exactly these bytes, and decoding these bytes gives the packet back.
/// </summary>
public class MqttPacketCodecGoldenTests
{
    private static readonly byte[] Hi = Encoding.ASCII.GetBytes("hi");

    public static TheoryData<string, MqttPacket, string> Cases => new()
    {
        // Spec 3.1.2.10: the variable header example (flags 0xCE: user name, password, will QoS 1, will, clean session; keep alive 10).
        {
            "CONNECT spec 3.1.2.10 example, full payload",
            new ConnectPacket("lk1", CleanSession: true, KeepAliveSeconds: 10, UserName: "u", Password: Bytes("p"),
                Will: new MqttWill("s", Bytes("off"), MqttQos.AtLeastOnce, Retain: false)),
            "10 1D 00 04 4D 51 54 54 04 CE 00 0A 00 03 6C 6B 31 00 01 73 00 03 6F 66 66 00 01 75 00 01 70"
        },
        { "CONNECT empty client id, clean session", new ConnectPacket("", true, 60), "10 0C 00 04 4D 51 54 54 04 02 00 3C 00 00" },
        {
            "CONNECT will QoS 2 retained, no credentials, persistent session",
            new ConnectPacket("c", false, 0, Will: new MqttWill("a/b", ReadOnlyMemory<byte>.Empty, MqttQos.ExactlyOnce, Retain: true)),
            "10 14 00 04 4D 51 54 54 04 34 00 00 00 01 63 00 03 61 2F 62 00 00"
        },
        { "CONNECT user name only", new ConnectPacket("c", true, 5, UserName: "ü"), "10 11 00 04 4D 51 54 54 04 82 00 05 00 01 63 00 02 C3 BC" },
        { "CONNACK session present, accepted", new ConnAckPacket(true, ConnectReturnCode.Accepted), "20 02 01 00" },
        { "CONNACK not authorized", new ConnAckPacket(false, ConnectReturnCode.NotAuthorized), "20 02 00 05" },
        // Spec 3.3.2.3: topic "a/b", packet identifier 10.
        { "PUBLISH spec 3.3.2.3 example, QoS 1", new PublishPacket("a/b", Hi, MqttQos.AtLeastOnce, PacketId: 10), "32 09 00 03 61 2F 62 00 0A 68 69" },
        { "PUBLISH QoS 0 retained, empty payload", new PublishPacket("a/b", ReadOnlyMemory<byte>.Empty, Retain: true), "31 05 00 03 61 2F 62" },
        { "PUBLISH QoS 2 duplicate", new PublishPacket("a/b", ReadOnlyMemory<byte>.Empty, MqttQos.ExactlyOnce, Dup: true, PacketId: 0x1234), "3C 07 00 03 61 2F 62 12 34" },
        // Spec 1.5.3.1: "A" followed by U+2A6D4 is 00 05 41 F0 AA 9B 94.
        { "PUBLISH spec 1.5.3.1 string example as topic", new PublishPacket("A\uD869\uDED4", ReadOnlyMemory<byte>.Empty), "30 07 00 05 41 F0 AA 9B 94" },
        { "PUBACK", new PubAckPacket(10), "40 02 00 0A" },
        { "PUBREC", new PubRecPacket(0xFFFF), "50 02 FF FF" },
        { "PUBREL", new PubRelPacket(10), "62 02 00 0A" },
        { "PUBCOMP", new PubCompPacket(1), "70 02 00 01" },
        // Spec 3.8.2 / 3.8.3: packet identifier 10; "a/b" QoS 1, "c/d" QoS 2.
        {
            "SUBSCRIBE spec 3.8.3 example",
            new SubscribePacket(10, [new MqttSubscription("a/b", MqttQos.AtLeastOnce), new MqttSubscription("c/d", MqttQos.ExactlyOnce)]),
            "82 0E 00 0A 00 03 61 2F 62 01 00 03 63 2F 64 02"
        },
        // Spec 3.9.3: success QoS 0, success QoS 2, failure.
        { "SUBACK spec 3.9.3 example", new SubAckPacket(10, [0x00, 0x02, 0x80]), "90 05 00 0A 00 02 80" },
        // Spec 3.10.3: "a/b", "c/d".
        { "UNSUBSCRIBE spec 3.10.3 example", new UnsubscribePacket(10, ["a/b", "c/d"]), "A2 0C 00 0A 00 03 61 2F 62 00 03 63 2F 64" },
        { "UNSUBACK", new UnsubAckPacket(10), "B0 02 00 0A" },
        { "PINGREQ", PingReqPacket.Instance, "C0 00" },
        { "PINGRESP", PingRespPacket.Instance, "D0 00" },
        { "DISCONNECT", DisconnectPacket.Instance, "E0 00" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encode_SpecPacket_WritesGoldenBytes(string name, MqttPacket packet, string hex)
    {
        Assert.Equal($"{name}: {hex}", $"{name}: {PacketBytes.ToHex(PacketBytes.Encode(packet))}");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decode_GoldenBytes_GivesSpecPacket(string name, MqttPacket packet, string hex)
    {
        MqttPacket decoded = PacketBytes.DecodeSingle(PacketBytes.FromHex(hex));
        Assert.Equal(packet.GetType(), decoded.GetType());
        Assert.Equal($"{name}: {PacketDescriber.Describe(packet)}", $"{name}: {PacketDescriber.Describe(decoded)}");
    }

    [Fact]
    public void Cases_CoverEveryPacketType_AllFourteen()
    {
        var covered = Cases.Select(row => ((MqttPacket)row[1]).Type).Distinct().Order().ToArray();
        Assert.Equal(Enum.GetValues<MqttPacketType>(), covered);
    }

    private static ReadOnlyMemory<byte> Bytes(string ascii) => Encoding.ASCII.GetBytes(ascii);
}
