using System.Reflection;
using System.Text.RegularExpressions;
using Lockers.Core.Protocol;
using Lockers.Core.Tests.Commands;

namespace Lockers.Core.Tests.Protocol;

/// <summary>
/// Keeps docs/asyncapi.yaml and docs/protocol.md in step with the code: every channel (with its QoS,
/// retain flag and direction), kind, value set and field name the code defines must be documented.
/// </summary>
public class ProtocolDocumentTests
{
    private static readonly string[] AsyncApiLines = File.ReadAllLines(DocPath("asyncapi.yaml"));
    private static readonly string ProtocolPage = File.ReadAllText(DocPath("protocol.md"));

    public static TheoryData<string> ChannelNames() => new(Channels.All);

    [Theory]
    [MemberData(nameof(ChannelNames))]
    public void AsyncApi_EveryChannel_HasItsQosRetainAndDirection(string channel)
    {
        var block = ChannelBlock("lockers/v1/{lockerId}/" + channel);

        Assert.Contains("qos: " + Channels.QosOf(channel), block);
        Assert.Contains("retain: " + (Channels.IsRetained(channel) ? "true" : "false"), block);
        // The document describes the locker: it "subscribe"s what it sends, "publish"es what it receives.
        Assert.Contains(Channels.IsFromLocker(channel) ? "subscribe:" : "publish:", block);
    }

    [Fact]
    public void AsyncApi_Channels_AreExactlyTheCodesChannels()
    {
        var documented = AsyncApiLines.Where(l => l.StartsWith("  lockers/v1/")).Select(l => l.Trim().TrimEnd(':')).ToArray();

        Assert.Equal(Channels.All.Select(c => "lockers/v1/{lockerId}/" + c), documented);
    }

    [Fact]
    public void AsyncApi_EveryEventKind_HasASchema()
    {
        foreach (var kind in EventKinds.All)
        {
            Assert.Contains(AsyncApiLines, l => l.Trim() == "const: " + kind);
        }
    }

    public static TheoryData<string[]> ValueSets() => new()
    {
        DoorStates.All, RefusalReasons.All, CommandActions.All, CommandResults.All, CommandResults.FailureReasons, CachedCodeKinds.All,
        new[] { CodeSources.Keypad, CodeSources.Qr }, new[] { StatusStates.Online, StatusStates.Offline },
    };

    [Theory]
    [MemberData(nameof(ValueSets))]
    public void AsyncApi_EveryValueSet_IsAnEnumWithTheSameValues(string[] values)
    {
        Assert.Contains(AsyncApiLines, l => l.Trim() == "enum: [" + string.Join(", ", values) + "]");
    }

    public static TheoryData<string> FieldNames() => new(
        typeof(Fields).GetFields(BindingFlags.Public | BindingFlags.Static).Select(f => (string)f.GetRawConstantValue()!));

    [Theory]
    [MemberData(nameof(FieldNames))]
    public void Documents_EveryField_IsAPropertyAndDescribed(string field)
    {
        var key = new Regex("^\\s+'?" + Regex.Escape(field) + "'?:");
        Assert.Contains(AsyncApiLines, l => key.IsMatch(l));
        Assert.Contains("`" + field + "`", ProtocolPage);
    }

    [Fact]
    public void ProtocolPage_EveryTopicKindAndReason_IsListed()
    {
        foreach (var channel in Channels.All)
        {
            Assert.Contains("`lockers/v1/<id>/" + channel + "`", ProtocolPage);
        }

        foreach (var value in EventKinds.All.Concat(DoorStates.All).Concat(RefusalReasons.All).Concat(CommandActions.All))
        {
            Assert.Contains("`" + value + "`", ProtocolPage);
        }

        foreach (var failure in CommandResults.FailureReasons.Concat(CachedCodeKinds.All))
        {
            Assert.Contains("`" + failure + "`", ProtocolPage);
        }
    }

    [Fact]
    public void Documents_RestingText_HoldAndLimitAreTheCodes()
    {
        // ADR 0311: show_message_key's retry_after_s is the resting time, bounded by the codec's rule.
        var limit = Lockers.Core.Commands.SignedCommand.MaxRestS.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("`show_message_key`: seconds the text stays the display's [resting text](#resting-text-courier-rounds), ≤ " + limit, ProtocolPage);
        Assert.Contains("held for " + Lockers.Core.App.LockerController.DisplayHoldMs / 1000 + " s", ProtocolPage);
        Assert.Contains(AsyncApiLines, l => l.Contains("display's resting text"));
        Assert.Contains(AsyncApiLines, l => l.Contains("at most " + limit));
    }

    [Fact]
    public void Documents_WorkedExample_MatchesTheSignerTest()
    {
        Assert.Contains(CommandSignerTests.ExampleHex, ProtocolPage);
        Assert.Contains(CommandSignerTests.ExampleBase64, ProtocolPage);
        Assert.Contains(CommandSignerTests.ExampleJson, ProtocolPage);
        Assert.Contains(AsyncApiLines, l => l.Contains(CommandSignerTests.ExampleBase64));
    }

    [Fact]
    public void Documents_AckWorkedExample_MatchesTheVerifierTest()
    {
        Assert.Contains(Lockers.Core.Tests.Acks.AckVerifierTests.ExampleSignature, ProtocolPage);
        Assert.Contains(Lockers.Core.Tests.Acks.AckVerifierTests.ExampleCanonical.Replace("\n", "\\n"), ProtocolPage);
        Assert.Contains(Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(
            Lockers.Core.Tests.Acks.AckVerifierTests.Key, System.Text.Encoding.UTF8.GetBytes(Lockers.Core.Tests.Acks.AckVerifierTests.ExampleCanonical))), ProtocolPage);
        Assert.Contains(AsyncApiLines, l => l.Contains(Lockers.Core.Tests.Acks.AckVerifierTests.ExampleSignature));
    }

    private static string ChannelBlock(string channel)
    {
        int start = Array.FindIndex(AsyncApiLines, l => l == "  " + channel + ":");
        Assert.True(start >= 0, "docs/asyncapi.yaml has no channel " + channel);
        var block = AsyncApiLines.Skip(start + 1).TakeWhile(l => l.Length == 0 || l.StartsWith("    "));
        return string.Join("\n", block);
    }

    private static string DocPath(string name)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory != null && !File.Exists(Path.Combine(directory.FullName, "Lockers.sln")))
        {
            directory = directory.Parent;
        }

        Assert.NotNull(directory);
        return Path.Combine(directory!.FullName, "docs", name);
    }
}
