using Lockers.Core.Protocol;

namespace Lockers.Core.Tests.Protocol;

public class TopicsTests
{
    [Fact]
    public void Builders_LockerId_GiveVersionedTopics()
    {
        Assert.Equal("lockers/v1/site7-a/status", Topics.Status("site7-a"));
        Assert.Equal("lockers/v1/site7-a/event", Topics.Event("site7-a"));
        Assert.Equal("lockers/v1/site7-a/telemetry", Topics.Telemetry("site7-a"));
        Assert.Equal("lockers/v1/site7-a/cmd", Topics.Command("site7-a"));
        Assert.Equal("lockers/v1/site7-a/cmd/result", Topics.CommandResult("site7-a"));
    }

    [Fact]
    public void GatewayFilters_AllLockersAndShared_UseWildcardAndShareGroup()
    {
        Assert.Equal("lockers/v1/+/event", Topics.AllLockers(Channels.Event));
        Assert.Equal("lockers/v1/+/cmd/result", Topics.AllLockers(Channels.CommandResult));
        Assert.Equal("$share/gw/lockers/v1/+/event", Topics.Shared("gw", Topics.AllLockers(Channels.Event)));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a/b")]
    [InlineData("+")]
    [InlineData("#")]
    [InlineData("a b")]
    [InlineData("é")]
    public void Builders_BadLockerId_Throw(string lockerId)
    {
        Assert.False(Topics.IsValidLockerId(lockerId));
        Assert.Throws<ArgumentException>(() => Topics.Event(lockerId));
    }

    [Fact]
    public void Builders_IdLengthLimit_IsSixtyFour()
    {
        Assert.True(Topics.IsValidLockerId(new string('a', 64)));
        Assert.False(Topics.IsValidLockerId(new string('a', 65)));
    }

    [Fact]
    public void Shared_BadGroupOrUnknownChannel_Throws()
    {
        Assert.Throws<ArgumentException>(() => Topics.Shared("a/b", "x"));
        Assert.Throws<ArgumentException>(() => Topics.AllLockers("nope"));
        Assert.Throws<ArgumentException>(() => Topics.For("a", "nope"));
    }

    [Theory]
    [InlineData("lockers/v1/L1/event", "L1", "event")]
    [InlineData("lockers/v1/L1/cmd/result", "L1", "cmd/result")]
    [InlineData("lockers/v1/L-2_x/status", "L-2_x", "status")]
    public void TryParse_ProtocolTopic_SplitsIdAndChannel(string topic, string lockerId, string channel)
    {
        Assert.True(Topics.TryParse(topic, out var id, out var ch));
        Assert.Equal(lockerId, id);
        Assert.Equal(channel, ch);
    }

    [Theory]
    [InlineData("lockers/v2/L1/event")]
    [InlineData("lockers/v1/L1")]
    [InlineData("lockers/v1/L1/other")]
    [InlineData("lockers/v1/L1/event/x")]
    [InlineData("lockers/v1//event")]
    [InlineData("lockers/v1/+/event")]
    [InlineData("")]
    public void TryParse_OtherTopic_IsFalse(string topic)
    {
        Assert.False(Topics.TryParse(topic, out _, out _));
    }

    [Fact]
    public void Channels_QosAndRetain_MatchTheDesign()
    {
        Assert.Equal(new[] { "status", "event", "telemetry", "cmd", "cmd/result", "ack" }, Channels.All);
        Assert.Equal(1, Channels.QosOf(Channels.Ack));
        Assert.False(Channels.IsFromLocker(Channels.Ack));
        Assert.False(Channels.IsRetained(Channels.Ack));
        Assert.Equal("lockers/v1/L1/ack", Topics.Ack("L1"));
        Assert.Equal(1, Channels.QosOf(Channels.Status));
        Assert.Equal(1, Channels.QosOf(Channels.Event));
        Assert.Equal(0, Channels.QosOf(Channels.Telemetry));
        Assert.Equal(1, Channels.QosOf(Channels.Command));
        Assert.Equal(1, Channels.QosOf(Channels.CommandResult));
        Assert.True(Channels.IsRetained(Channels.Status));
        Assert.False(Channels.IsRetained(Channels.Event));
        Assert.False(Channels.IsFromLocker(Channels.Command));
        Assert.True(Channels.IsFromLocker(Channels.CommandResult));
    }
}
