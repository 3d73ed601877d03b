using System.Buffers;
using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt.Tests.Packets;

/// <summary>
/// Each malformation gives <see cref="MqttProtocolException"/> whose message names the problem,
/// whether the bytes arrive in one piece or one byte per segment.
/// </summary>
public class MqttPacketCodecMalformedTests
{
    private const string ConnectHead = "00 04 4D 51 54 54 04"; // protocol name "MQTT", level 4

    public static TheoryData<string, string, string> Cases => new()
    {
        // Fixed header (spec 2.2)
        { "reserved type 0", "00 00", "packet type 0 is reserved" },
        { "reserved type 15", "F0 00", "packet type 15 is reserved" },
        { "PUBLISH QoS 3", "36 05 00 03 61 2F 62", "QoS 3" },
        { "PUBLISH DUP with QoS 0", "38 05 00 03 61 2F 62", "QoS 0 must have DUP 0" },
        { "PUBREL flags 0", "60 02 00 0A", "PUBREL fixed-header flags are 0x0, must be 0x2" },
        { "SUBSCRIBE flags 0", "80 06 00 0A 00 01 61 00", "SUBSCRIBE fixed-header flags are 0x0, must be 0x2" },
        { "UNSUBSCRIBE flags 3", "A3 05 00 0A 00 01 61", "UNSUBSCRIBE fixed-header flags are 0x3" },
        { "PINGREQ flag 1", "C1 00", "PINGREQ fixed-header flags are 0x1, must be 0" },
        { "PUBACK flags 2", "42 02 00 0A", "PUBACK fixed-header flags are 0x2, must be 0" },
        { "CONNECT flags 1", "11 0C " + ConnectHead + " 02 00 3C 00 00", "CONNECT fixed-header flags are 0x1" },
        { "remaining length with 5 bytes", "30 FF FF FF FF 01", "past 4 bytes" },
        // Body length does not add up (spec 2.2.3)
        { "PUBACK packet id 0", "40 02 00 00", "packet identifier is 0" },
        { "PUBACK trailing byte", "40 03 00 0A 00", "1 unexpected byte(s)" },
        { "PUBCOMP body too short", "70 01 00", "body ends inside the packet identifier" },
        { "PINGREQ with a body", "C0 01 00", "PINGREQ: 1 unexpected byte(s)" },
        { "DISCONNECT with a body", "E0 02 00 00", "DISCONNECT: 2 unexpected byte(s)" },
        { "UNSUBACK empty", "B0 00", "UNSUBACK: body ends inside the packet identifier" },
        // CONNECT (spec 3.1)
        { "CONNECT MQTT 3.1 protocol name", "10 0E 00 06 4D 51 49 73 64 70 03 02 00 3C 00 00", "MQTT 3.1, which is not supported" },
        { "CONNECT unknown protocol name", "10 0C 00 04 4D 51 54 58 04 02 00 3C 00 00", "protocol name is \"MQTX\"" },
        { "CONNECT protocol level 3", "10 0C 00 04 4D 51 54 54 03 02 00 3C 00 00", "protocol level 3 is not supported" },
        { "CONNECT protocol level 5", "10 0C 00 04 4D 51 54 54 05 02 00 3C 00 00", "protocol level 5 is not supported" },
        { "CONNECT reserved flag", "10 0C " + ConnectHead + " 03 00 3C 00 00", "reserved bit 0" },
        { "CONNECT will QoS without will", "10 0C " + ConnectHead + " 0A 00 3C 00 00", "without the will flag" },
        { "CONNECT will retain without will", "10 0C " + ConnectHead + " 22 00 3C 00 00", "without the will flag" },
        { "CONNECT will QoS 3", "10 0C " + ConnectHead + " 1E 00 3C 00 00", "will QoS is 3" },
        { "CONNECT password without user name", "10 0C " + ConnectHead + " 42 00 3C 00 00", "password flag is set without the user name flag" },
        { "CONNECT empty client id, persistent session", "10 0C " + ConnectHead + " 00 00 3C 00 00", "empty client identifier requires clean session" },
        { "CONNECT will topic with wildcard", "10 11 " + ConnectHead + " 06 00 3C 00 00 00 01 2B 00 00", "invalid will topic" },
        { "CONNECT user name flag but no user name", "10 0C " + ConnectHead + " 82 00 3C 00 00", "body ends inside the user name length" },
        { "CONNECT trailing bytes", "10 0D " + ConnectHead + " 02 00 3C 00 00 FF", "CONNECT: 1 unexpected byte(s)" },
        // PUBLISH (spec 3.3)
        { "PUBLISH wildcard topic", "30 05 00 03 61 2F 2B", "wildcard '+'" },
        { "PUBLISH empty topic", "30 02 00 00", "it is empty" },
        { "PUBLISH QoS 1 packet id 0", "32 07 00 03 61 2F 62 00 00", "packet identifier is 0" },
        { "PUBLISH QoS 1 without packet id", "32 05 00 03 61 2F 62", "body ends inside the packet identifier" },
        { "PUBLISH topic longer than body", "30 05 00 05 61 2F 62", "body ends inside the topic name" },
        // UTF-8 strings (spec 1.5.3)
        { "string with U+0000", "30 05 00 03 61 00 62", "U+0000" },
        { "string with encoded surrogate", "30 05 00 03 ED A0 80", "not well-formed UTF-8" },
        { "string with overlong NUL", "30 04 00 02 C0 80", "not well-formed UTF-8" },
        { "string with byte FF", "30 03 00 01 FF", "not well-formed UTF-8" },
        { "string with truncated sequence", "30 04 00 02 61 E2", "not well-formed UTF-8" },
        // CONNACK (spec 3.2)
        { "CONNACK reserved flag bits", "20 02 02 00", "reserved bits 7-1" },
        { "CONNACK reserved return code", "20 02 00 06", "return code 6 is reserved" },
        { "CONNACK session present with refusal", "20 02 01 05", "session present is 1" },
        { "CONNACK too short", "20 01 00", "body ends inside the return code" },
        // SUBSCRIBE, SUBACK, UNSUBSCRIBE (spec 3.8 - 3.10)
        { "SUBSCRIBE without topic filters", "82 02 00 0A", "at least one is required" },
        { "SUBSCRIBE packet id 0", "82 06 00 00 00 01 61 00", "packet identifier is 0" },
        { "SUBSCRIBE requested QoS 3", "82 06 00 0A 00 01 61 03", "requested QoS is 3" },
        { "SUBSCRIBE reserved QoS bits", "82 06 00 0A 00 01 61 41", "reserved bits 7-2" },
        { "SUBSCRIBE missing QoS byte", "82 05 00 0A 00 01 61", "body ends inside the requested QoS" },
        { "SUBSCRIBE # not last", "82 0A 00 0A 00 05 61 2F 23 2F 62 00", "must be the last level" },
        { "SUBSCRIBE + inside a level", "82 07 00 0A 00 02 61 2B 00", "must occupy a whole level" },
        { "SUBSCRIBE shared with empty group", "82 0E 00 0A 00 09 24 73 68 61 72 65 2F 2F 61 00", "group name is empty" },
        { "SUBSCRIBE empty topic filter", "82 05 00 0A 00 00 00", "it is empty" },
        { "SUBACK invalid return code", "90 03 00 0A 03", "return code 0x03" },
        { "SUBACK without return codes", "90 02 00 0A", "at least one is required" },
        { "UNSUBSCRIBE without topic filters", "A2 02 00 0A", "at least one is required" },
        { "UNSUBSCRIBE invalid filter", "A2 07 00 0A 00 03 23 2F 61", "must be the last level" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryDecode_Malformed_ThrowsProtocolExceptionNamingTheProblem(string name, string hex, string expectedMessage)
    {
        MqttProtocolException error = PacketBytes.DecodeMalformed(PacketBytes.FromHex(hex));
        Assert.True(error.Message.Contains(expectedMessage, StringComparison.Ordinal), $"{name}: message was \"{error.Message}\"");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void TryDecode_MalformedOneBytePerSegment_ThrowsSameMessage(string name, string hex, string expectedMessage)
    {
        ReadOnlySequence<byte> sequence = PacketBytes.OneBytePerSegment(PacketBytes.FromHex(hex));
        var error = Assert.Throws<MqttProtocolException>(() => MqttPacketCodec.TryDecode(sequence, 4096, out _, out _));
        Assert.True(error.Message.Contains(expectedMessage, StringComparison.Ordinal), $"{name}: message was \"{error.Message}\"");
    }

    [Fact]
    public void Cases_AsListed_AreDistinctAndAtLeastTwenty()
    {
        var hexes = Cases.Select(row => (string)row[1]).ToArray();
        Assert.Equal(hexes.Length, hexes.Distinct().Count());
        Assert.True(hexes.Length >= 20, $"only {hexes.Length} malformations");
    }

    [Fact]
    public void TryDecode_ReservedTypeWithIncompleteLength_FailsFastOnFirstByte()
    {
        // Only the first byte has arrived; it already proves the stream broken, so no point waiting.
        var error = PacketBytes.DecodeMalformed(PacketBytes.FromHex("F0"));
        Assert.Contains("reserved", error.Message);
    }
}
