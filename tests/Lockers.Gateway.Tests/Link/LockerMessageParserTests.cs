using System.Text;
using Lockers.Core.Protocol;
using Lockers.Gateway.Link;

namespace Lockers.Gateway.Tests.Link;

public sealed class LockerMessageParserTests
{
    private const int Limit = 256;

    [Theory]
    [InlineData("lockers/v2/test-a/event")]
    [InlineData("lockers/v1/test+a/event")]
    [InlineData("lockers/v1/test-a/events")]
    [InlineData("lockers/v1/test-a")]
    [InlineData("other/topic")]
    public void Parse_TopicOutsideProtocol_IsBadTopic(string topic)
    {
        var result = LockerMessageParser.Parse(topic, Encoding.UTF8.GetBytes("{}"), Limit);

        Assert.Null(result.Message);
        Assert.Equal(LinkDropReason.BadTopic, result.Reason);
    }

    [Fact]
    public void Parse_GatewaysOwnCommandChannel_IsBadTopic()
    {
        var result = LockerMessageParser.Parse(Topics.Command("test-a"), Encoding.UTF8.GetBytes("{}"), Limit);

        Assert.Equal(LinkDropReason.BadTopic, result.Reason);
        Assert.Null(result.Message);
    }

    [Fact]
    public void Parse_PayloadOverLimit_IsOversizedWithoutParsing()
    {
        var result = LockerMessageParser.Parse(Topics.Event("test-a"), new byte[Limit + 1], Limit);

        Assert.Equal(LinkDropReason.Oversized, result.Reason);
        Assert.Contains("257 bytes", result.Detail);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"seq\":1,\"kind\":\"door\",\"uptime_ms\":5,\"compartment\":0,\"state\":\"opened\"}")]
    [InlineData("{\"seq\":\"1\",\"kind\":\"boot\",\"uptime_ms\":5,\"fw\":\"x\",\"boot\":1}")]
    public void Parse_EventFailingTheProtocol_IsMalformedNamingTheProblem(string json)
    {
        var result = LockerMessageParser.Parse(Topics.Event("test-a"), Encoding.UTF8.GetBytes(json), Limit);

        Assert.Equal(LinkDropReason.Malformed, result.Reason);
        Assert.NotEmpty(result.Detail);
    }

    [Fact]
    public void Parse_CodeWithinDetail_IsNeverEchoed()
    {
        var json = "{\"seq\":1,\"kind\":\"code_entered\",\"uptime_ms\":5,\"source\":\"telepathy\",\"reader\":\"k1\",\"code\":\"493817\"}";

        var result = LockerMessageParser.Parse(Topics.Event("test-a"), Encoding.UTF8.GetBytes(json), Limit);

        Assert.Equal(LinkDropReason.Malformed, result.Reason);
        Assert.DoesNotContain("493817", result.Detail);
    }

    [Fact]
    public void Parse_ValidMessages_GiveTheChannelsPayloadClass()
    {
        var door = LockerEvent.Door(3, DoorStates.Opened);
        door.Seq = 7;

        var e = LockerMessageParser.Parse(Topics.Event("test-a"), door.ToJson(), Limit).Message!;
        var status = LockerMessageParser.Parse(Topics.Status("test-a"), StatusPayload.Offline().ToJson(), Limit).Message!;
        var answer = LockerMessageParser.Parse(Topics.CommandResult("test-a"), CommandResultPayload.Ok("c-1").ToJson(), Limit).Message!;

        Assert.Equal(("test-a", 7L, 3), (e.LockerId, ((LockerEvent)e.Payload).Seq, ((LockerEvent)e.Payload).Compartment));
        Assert.Equal(StatusStates.Offline, ((StatusPayload)status.Payload).State);
        Assert.Equal("c-1", ((CommandResultPayload)answer.Payload).CommandId);
    }
}
