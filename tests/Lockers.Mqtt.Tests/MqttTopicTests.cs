namespace Lockers.Mqtt.Tests;

/// <summary>Topic names, topic filters and matching, with the spec's own examples from section 4.7.</summary>
public class MqttTopicTests
{
    [Theory]
    // Spec 4.7.1.2, multi-level wildcard
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/ranking", true)]
    [InlineData("sport/tennis/player1/#", "sport/tennis/player1/score/wimbledon", true)]
    [InlineData("sport/#", "sport", true)]
    [InlineData("#", "sport/tennis", true)]
    [InlineData("#", "/", true)]
    // Spec 4.7.1.3, single-level wildcard
    [InlineData("sport/tennis/+", "sport/tennis/player1", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player2", true)]
    [InlineData("sport/tennis/+", "sport/tennis/player1/ranking", false)]
    [InlineData("sport/+", "sport", false)]
    [InlineData("sport/+", "sport/", true)]
    [InlineData("sport/+/player1", "sport/tennis/player1", true)]
    [InlineData("+/tennis/#", "sport/tennis/player1/ranking", true)]
    [InlineData("+/+", "/finance", true)]
    [InlineData("/+", "/finance", true)]
    [InlineData("+", "/finance", false)]
    // Spec 4.7.2, topics starting with $
    [InlineData("#", "$SYS/monitor/Clients", false)]
    [InlineData("+/monitor/Clients", "$SYS/monitor/Clients", false)]
    [InlineData("$SYS/#", "$SYS/monitor/Clients", true)]
    [InlineData("$SYS/monitor/+", "$SYS/monitor/Clients", true)]
    [InlineData("+", "$SYS", false)]
    [InlineData("a/+", "a/$b", true)] // only the first level is special
    // Spec 4.7.3, case, spaces and leading slashes are significant
    [InlineData("ACCOUNTS", "Accounts", false)]
    [InlineData("Accounts payable", "Accounts payable", true)]
    [InlineData("/finance", "finance", false)]
    [InlineData("finance", "/finance", false)]
    [InlineData("/", "/", true)]
    // Exact levels and empty levels
    [InlineData("a/b", "a/b", true)]
    [InlineData("a/b", "a/b/c", false)]
    [InlineData("a/b/c", "a/b", false)]
    [InlineData("a//b", "a//b", true)]
    [InlineData("a/+/b", "a//b", true)]
    [InlineData("a/#", "a/", true)]
    [InlineData("a/#", "ab", false)]
    [InlineData("+/#", "a", true)]
    [InlineData("lockers/v1/+/events", "lockers/v1/lk-1/events", true)]
    [InlineData("lockers/v1/+/events", "lockers/v1/lk-1/status", false)]
    // Shared subscriptions match like their inner filter
    [InlineData("$share/gateways/lockers/v1/+/events", "lockers/v1/lk-9/events", true)]
    [InlineData("$share/gateways/lockers/v1/+/events", "lockers/v1/lk-9/status", false)]
    [InlineData("$share/g/#", "anything/at/all", true)]
    [InlineData("$share/g/#", "$SYS/x", false)]
    [InlineData("$share/g/$SYS/#", "$SYS/x", true)]
    [InlineData("$share/g/a", "$share/g/a", false)]
    public void Matches_SpecExamples_GiveExpectedResult(string filter, string topic, bool expected) =>
        Assert.Equal(expected, MqttTopic.Matches(filter, topic));

    [Theory]
    [InlineData("#")]
    [InlineData("+")]
    [InlineData("sport/tennis/#")]
    [InlineData("+/tennis/#")]
    [InlineData("sport/+/player1")]
    [InlineData("/")]
    [InlineData("+/+")]
    [InlineData("//")]
    [InlineData("$SYS/#")]
    [InlineData("$share")]
    [InlineData("$sharex/a")]
    [InlineData("$share/g/+")]
    [InlineData("$share/grp-1/lockers/v1/+/events")]
    [InlineData("$share/g/$share/h/a")]
    [InlineData("ü/€/😀")]
    public void ValidateTopicFilter_ValidFilter_DoesNotThrow(string filter)
    {
        MqttTopic.ValidateTopicFilter(filter);
        Assert.True(MqttTopic.IsValidTopicFilter(filter));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("sport/tennis#", "'#' at index 12 must occupy a whole level")]
    [InlineData("sport/tennis/#/ranking", "'#' at index 13 must be the last level")]
    [InlineData("sport+", "'+' at index 5 must occupy a whole level")]
    [InlineData("+a/b", "'+' at index 0 must occupy a whole level")]
    [InlineData("a/#b", "'#' at index 2 must occupy a whole level")]
    [InlineData("##", "must occupy a whole level")]
    [InlineData("a\0b", "U+0000")]
    [InlineData("$share/", "group name is empty")]
    [InlineData("$share//a", "group name is empty")]
    [InlineData("$share/g", "needs a topic filter after")]
    [InlineData("$share/g/", "needs a topic filter after")]
    [InlineData("$share/g+/a", "group name contains a wildcard")]
    [InlineData("$share/#/a", "group name contains a wildcard")]
    [InlineData("$share/g/a/#/b", "must be the last level")]
    [InlineData("$share/g/a+", "must occupy a whole level")]
    public void ValidateTopicFilter_InvalidFilter_ThrowsNamingTheProblem(string filter, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => MqttTopic.ValidateTopicFilter(filter));
        Assert.Contains(expected, error.Message);
        Assert.Contains($"invalid topic filter \"{filter}\"", error.Message);
        Assert.False(MqttTopic.IsValidTopicFilter(filter));
    }

    [Theory]
    [InlineData("sport/tennis/player1")]
    [InlineData("/")]
    [InlineData("/finance")]
    [InlineData("Accounts payable")]
    [InlineData("$SYS/monitor/Clients")]
    [InlineData("a//b/")]
    [InlineData("ü/€/😀")]
    public void ValidateTopicName_ValidName_DoesNotThrow(string topic)
    {
        MqttTopic.ValidateTopicName(topic);
        Assert.True(MqttTopic.IsValidTopicName(topic));
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("a/+", "wildcard '+' at index 2")]
    [InlineData("#", "wildcard '#' at index 0")]
    [InlineData("a/b#", "wildcard '#' at index 3")]
    [InlineData("a\0", "U+0000 at index 1")]
    public void ValidateTopicName_InvalidName_ThrowsNamingTheProblem(string topic, string expected)
    {
        var error = Assert.Throws<ArgumentException>(() => MqttTopic.ValidateTopicName(topic));
        Assert.Contains(expected, error.Message);
        Assert.False(MqttTopic.IsValidTopicName(topic));
    }

    [Fact]
    public void ValidateTopicName_LengthBoundary_65535BytesAcceptedAnd65536Rejected()
    {
        Assert.True(MqttTopic.IsValidTopicName(new string('t', 65_535)));
        var error = Assert.Throws<ArgumentException>(() => MqttTopic.ValidateTopicName(new string('t', 65_534) + "é"));
        Assert.Contains("65536 bytes", error.Message);
    }

    [Fact]
    public void Validate_LoneSurrogate_IsRejected()
    {
        Assert.False(MqttTopic.IsValidTopicName("a/\uD800"));
        Assert.False(MqttTopic.IsValidTopicFilter("a/\uDC00/#"));
    }

    [Fact]
    public void IsValid_Null_IsFalseAndValidateThrowsArgumentNull()
    {
        Assert.False(MqttTopic.IsValidTopicName(null));
        Assert.False(MqttTopic.IsValidTopicFilter(null));
        Assert.Throws<ArgumentNullException>(() => MqttTopic.ValidateTopicName(null!));
        Assert.Throws<ArgumentNullException>(() => MqttTopic.ValidateTopicFilter(null!));
    }

    [Theory]
    [InlineData("a/#/b", "a")]
    [InlineData("a", "a/+")]
    [InlineData("", "a")]
    [InlineData("a", "")]
    public void Matches_InvalidArgument_ThrowsArgumentException(string filter, string topic) =>
        Assert.ThrowsAny<ArgumentException>(() => MqttTopic.Matches(filter, topic));

    [Fact]
    public void Matches_FilterWithoutWildcards_MatchesExactlyItself()
    {
        // Property check: for wildcard-free filters matching is plain ordinal equality.
        string[] topics = ["a", "a/b", "a/b/", "/a/b", "A/b", "a//b", "$SYS/a", "a/bc", "ab"];
        foreach (string filter in topics)
        {
            foreach (string topic in topics)
            {
                Assert.Equal(string.Equals(filter, topic, StringComparison.Ordinal), MqttTopic.Matches(filter, topic));
            }
        }
    }
}
