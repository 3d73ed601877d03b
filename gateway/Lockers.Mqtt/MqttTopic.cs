using Lockers.Mqtt.Packets;

namespace Lockers.Mqtt;

/// <summary>
/// Topic names and topic filters (spec 4.7), plus shared subscriptions
/// (<c>$share/&lt;group&gt;/&lt;filter&gt;</c>), which brokers such as Mosquitto, EMQX and HiveMQ
/// accept on MQTT 3.1.1 connections and which let several gateways share one subscription.
/// </summary>
public static class MqttTopic
{
    /// <summary>The prefix of a shared subscription filter.</summary>
    public const string SharePrefix = "$share/";

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="topic"/> is a valid topic name
    /// to publish to: non-empty, no <c>+</c> or <c>#</c>, no U+0000, at most 65,535 bytes of UTF-8.
    /// </summary>
    public static void ValidateTopicName(string topic)
    {
        ArgumentNullException.ThrowIfNull(topic);
        string? error = GetTopicNameError(topic);
        if (error is not null)
        {
            throw new ArgumentException($"invalid topic name \"{topic}\": {error}", nameof(topic));
        }
    }

    /// <summary>
    /// Throws <see cref="ArgumentException"/> unless <paramref name="filter"/> is a valid topic filter:
    /// the rules of a name, except that <c>+</c> may fill a whole level and <c>#</c> the whole last level;
    /// a <c>$share/&lt;group&gt;/</c> prefix needs a group without <c>/</c>, <c>+</c> or <c>#</c> and a valid filter after it.
    /// </summary>
    public static void ValidateTopicFilter(string filter)
    {
        ArgumentNullException.ThrowIfNull(filter);
        string? error = GetTopicFilterError(filter);
        if (error is not null)
        {
            throw new ArgumentException($"invalid topic filter \"{filter}\": {error}", nameof(filter));
        }
    }

    /// <summary>True when <paramref name="topic"/> is a valid topic name (see <see cref="ValidateTopicName"/>).</summary>
    public static bool IsValidTopicName(string? topic) => topic is not null && GetTopicNameError(topic) is null;

    /// <summary>True when <paramref name="filter"/> is a valid topic filter (see <see cref="ValidateTopicFilter"/>).</summary>
    public static bool IsValidTopicFilter(string? filter) => filter is not null && GetTopicFilterError(filter) is null;

    /// <summary>
    /// True when a message published to <paramref name="topic"/> is delivered to a subscription on
    /// <paramref name="filter"/> (spec 4.7.1): <c>+</c> matches exactly one level (which may be empty),
    /// <c>#</c> matches its parent level and any number of levels below, and a wildcard in the first
    /// level never matches a topic starting with <c>$</c> (spec 4.7.2). <c>$share/g/f</c> matches like <c>f</c>.
    /// Throws <see cref="ArgumentException"/> when either argument is invalid.
    /// </summary>
    public static bool Matches(string filter, string topic)
    {
        ValidateTopicFilter(filter);
        ValidateTopicName(topic);
        ReadOnlySpan<char> effective = StripSharePrefix(filter);
        if (topic[0] == '$' && effective[0] is '+' or '#')
        {
            return false;
        }
        return MatchLevels(effective, topic);
    }

    /// <summary>
    /// Null when <paramref name="topic"/> is a valid name, otherwise the problem. The decoder passes
    /// <paramref name="encodingChecked"/> true for strings it has already checked as UTF-8, saving a scan.
    /// </summary>
    internal static string? GetTopicNameError(string topic, bool encodingChecked = false)
    {
        if (topic.Length == 0)
        {
            return "it is empty (spec 4.7.3)";
        }
        int wildcard = topic.AsSpan().IndexOfAny('+', '#');
        if (wildcard >= 0)
        {
            return $"wildcard '{topic[wildcard]}' at index {wildcard} is not allowed in a topic name (spec 4.7.1)";
        }
        return encodingChecked ? null : MqttStrings.GetError(topic, out _);
    }

    /// <summary>Null when <paramref name="filter"/> is a valid filter, otherwise the problem (see <see cref="GetTopicNameError"/>).</summary>
    internal static string? GetTopicFilterError(string filter, bool encodingChecked = false)
    {
        if (filter.Length == 0)
        {
            return "it is empty (spec 4.7.3)";
        }
        string? encodingError = encodingChecked ? null : MqttStrings.GetError(filter, out _);
        if (encodingError is not null)
        {
            return encodingError;
        }
        ReadOnlySpan<char> levels = filter;
        if (filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            string? shareError = GetShareError(levels[SharePrefix.Length..], out levels);
            if (shareError is not null)
            {
                return shareError;
            }
        }
        return GetWildcardError(levels);
    }

    private static string? GetShareError(ReadOnlySpan<char> afterPrefix, out ReadOnlySpan<char> innerFilter)
    {
        innerFilter = default;
        int slash = afterPrefix.IndexOf('/');
        ReadOnlySpan<char> group = slash < 0 ? afterPrefix : afterPrefix[..slash];
        if (group.IsEmpty)
        {
            return "the shared subscription group name is empty";
        }
        if (group.IndexOfAny('+', '#') >= 0)
        {
            return "the shared subscription group name contains a wildcard";
        }
        if (slash < 0 || slash == afterPrefix.Length - 1)
        {
            return "a shared subscription needs a topic filter after $share/<group>/";
        }
        innerFilter = afterPrefix[(slash + 1)..];
        return null;
    }

    private static string? GetWildcardError(ReadOnlySpan<char> filter)
    {
        for (int i = 0; i < filter.Length; i++)
        {
            char c = filter[i];
            if (c is not ('+' or '#'))
            {
                continue;
            }
            bool startsLevel = i == 0 || filter[i - 1] == '/';
            bool endsLevel = i == filter.Length - 1 || filter[i + 1] == '/';
            if (!startsLevel || !endsLevel)
            {
                return $"wildcard '{c}' at index {i} must occupy a whole level (spec 4.7.1)";
            }
            if (c == '#' && i != filter.Length - 1)
            {
                return $"'#' at index {i} must be the last level (spec 4.7.1.2)";
            }
        }
        return null;
    }

    private static ReadOnlySpan<char> StripSharePrefix(string filter)
    {
        if (!filter.StartsWith(SharePrefix, StringComparison.Ordinal))
        {
            return filter;
        }
        ReadOnlySpan<char> afterPrefix = filter.AsSpan(SharePrefix.Length);
        return afterPrefix[(afterPrefix.IndexOf('/') + 1)..];
    }

    private static bool MatchLevels(ReadOnlySpan<char> filter, ReadOnlySpan<char> topic)
    {
        while (true)
        {
            int filterSlash = filter.IndexOf('/');
            ReadOnlySpan<char> filterLevel = filterSlash < 0 ? filter : filter[..filterSlash];
            if (filterLevel is "#")
            {
                return true;
            }
            int topicSlash = topic.IndexOf('/');
            ReadOnlySpan<char> topicLevel = topicSlash < 0 ? topic : topic[..topicSlash];
            if (filterLevel is not "+" && !filterLevel.SequenceEqual(topicLevel))
            {
                return false;
            }
            if (topicSlash < 0)
            {
                // The topic has no more levels: only a trailing "/#" (which also matches its parent) still fits.
                return filterSlash < 0 || filter[(filterSlash + 1)..] is "#";
            }
            if (filterSlash < 0)
            {
                return false;
            }
            filter = filter[(filterSlash + 1)..];
            topic = topic[(topicSlash + 1)..];
        }
    }
}
