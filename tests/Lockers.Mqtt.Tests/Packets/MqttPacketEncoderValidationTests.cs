using System.Buffers;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>Packets that cannot be sent legally throw <see cref="ArgumentException"/> and write nothing.</summary>
public class MqttPacketEncoderValidationTests
{
    private static readonly ReadOnlyMemory<byte> NoPayload = ReadOnlyMemory<byte>.Empty;
    private static readonly string TooLong = new('x', 65_536);

    public static TheoryData<string, MqttPacket, string> Cases => new()
    {
        { "PUBLISH wildcard topic", new PublishPacket("a/#", NoPayload), "wildcard '#'" },
        { "PUBLISH empty topic", new PublishPacket("", NoPayload), "it is empty" },
        { "PUBLISH topic with NUL", new PublishPacket("a\0b", NoPayload), "U+0000" },
        { "PUBLISH topic with lone high surrogate", new PublishPacket("a\uD800", NoPayload), "lone surrogate U+D800" },
        { "PUBLISH topic with lone low surrogate", new PublishPacket("\uDC00b", NoPayload), "lone surrogate U+DC00" },
        { "PUBLISH topic too long", new PublishPacket(TooLong, NoPayload), "more than the maximum of 65535" },
        { "PUBLISH QoS 0 with packet id", new PublishPacket("a", NoPayload, PacketId: 1), "must not carry a packet identifier" },
        { "PUBLISH QoS 0 with DUP", new PublishPacket("a", NoPayload, Dup: true), "must have DUP 0" },
        { "PUBLISH QoS 1 without packet id", new PublishPacket("a", NoPayload, MqttQos.AtLeastOnce), "non-zero packet identifier" },
        { "PUBLISH QoS 3", new PublishPacket("a", NoPayload, (MqttQos)3, PacketId: 1), "QoS 3 is not 0, 1 or 2" },
        { "CONNECT empty client id, persistent", new ConnectPacket("", false, 0), "empty client identifier requires clean session" },
        { "CONNECT password without user name", new ConnectPacket("c", true, 0, Password: new byte[] { 1 }), "password requires a user name" },
        { "CONNECT will topic with wildcard", new ConnectPacket("c", true, 0, Will: new MqttWill("a/+", NoPayload, MqttQos.AtMostOnce, false)), "wildcard '+'" },
        { "CONNECT will QoS 3", new ConnectPacket("c", true, 0, Will: new MqttWill("a", NoPayload, (MqttQos)3, false)), "will QoS 3" },
        { "CONNECT will message too long", new ConnectPacket("c", true, 0, Will: new MqttWill("a", new byte[65_536], MqttQos.AtMostOnce, false)), "will message is 65536 bytes" },
        { "CONNECT password too long", new ConnectPacket("c", true, 0, UserName: "u", Password: new byte[65_536]), "password is 65536 bytes" },
        { "CONNECT client id too long", new ConnectPacket(TooLong, true, 0), "client identifier is 65536 bytes" },
        { "CONNECT user name with lone surrogate", new ConnectPacket("c", true, 0, UserName: "\uDFFF"), "user name contains a lone surrogate" },
        { "CONNACK refusal with session present", new ConnAckPacket(true, ConnectReturnCode.NotAuthorized), "session present 0" },
        { "CONNACK reserved return code", new ConnAckPacket(false, (ConnectReturnCode)6), "return code 6 is reserved" },
        { "PUBACK packet id 0", new PubAckPacket(0), "PUBACK needs a non-zero packet identifier" },
        { "PUBREL packet id 0", new PubRelPacket(0), "PUBREL needs a non-zero packet identifier" },
        { "SUBSCRIBE empty", new SubscribePacket(1, []), "at least one entry" },
        { "SUBSCRIBE packet id 0", new SubscribePacket(0, [new MqttSubscription("a", MqttQos.AtMostOnce)]), "non-zero packet identifier" },
        { "SUBSCRIBE bad filter", new SubscribePacket(1, [new MqttSubscription("a/#/b", MqttQos.AtMostOnce)]), "must be the last level" },
        { "SUBSCRIBE QoS 3", new SubscribePacket(1, [new MqttSubscription("a", (MqttQos)3)]), "requested QoS 3" },
        { "SUBSCRIBE share without filter", new SubscribePacket(1, [new MqttSubscription("$share/g", MqttQos.AtMostOnce)]), "needs a topic filter after" },
        { "SUBACK invalid code", new SubAckPacket(1, [0x03]), "return code 0x03" },
        { "SUBACK empty", new SubAckPacket(1, []), "at least one entry" },
        { "UNSUBSCRIBE empty", new UnsubscribePacket(1, []), "at least one entry" },
        { "UNSUBSCRIBE bad filter", new UnsubscribePacket(1, ["a+"]), "whole level" },
        { "UNSUBACK packet id 0", new UnsubAckPacket(0), "UNSUBACK needs a non-zero packet identifier" },
        { "unknown packet subclass", new StrangePacket(), "cannot encode packet type StrangePacket" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encode_IllegalPacket_ThrowsArgumentExceptionAndWritesNothing(string name, MqttPacket packet, string expectedMessage)
    {
        var output = new ArrayBufferWriter<byte>();
        var error = Assert.ThrowsAny<ArgumentException>(() => MqttPacketCodec.Encode(packet, output));
        Assert.True(error.Message.Contains(expectedMessage, StringComparison.Ordinal), $"{name}: message was \"{error.Message}\"");
        Assert.Equal(0, output.WrittenCount);
    }

    [Fact]
    public void Encode_NullArguments_ThrowArgumentNull()
    {
        Assert.Throws<ArgumentNullException>(() => MqttPacketCodec.Encode(null!, new ArrayBufferWriter<byte>()));
        Assert.Throws<ArgumentNullException>(() => MqttPacketCodec.Encode(PingReqPacket.Instance, null!));
    }

    [Fact]
    public void Encode_FieldsExactlyAtLimit_AreAccepted()
    {
        string longest = new('€', 21_845); // 3 bytes each: 65,535 bytes
        byte[] bytes = PacketBytes.Encode(new ConnectPacket(longest, true, 0, UserName: "u", Password: new byte[65_535]));
        var decoded = (ConnectPacket)PacketBytes.DecodeSingle(bytes);
        Assert.Equal(longest, decoded.ClientId);
        Assert.Equal(65_535, decoded.Password!.Value.Length);
    }

    private sealed record StrangePacket : MqttPacket
    {
        public override MqttPacketType Type => (MqttPacketType)15;
    }
}
