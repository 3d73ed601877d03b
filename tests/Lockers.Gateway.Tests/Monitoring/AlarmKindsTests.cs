using System.Text.RegularExpressions;
using Lockers.Gateway.Monitoring;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>One list of alarm kinds (gateway/Lockers.Gateway/Monitoring/AlarmKinds.cs): nothing else can raise an alarm, and the operations doc agrees with it.</summary>
public sealed partial class AlarmKindsTests
{
    [Fact]
    public void Condition_OfAKindNotInTheList_IsRefused()
    {
        var error = Assert.Throws<ArgumentException>(() => new AlarmCondition("keypad_brute_force", "test-a", null, "five failures", DateTimeOffset.UnixEpoch));

        Assert.Contains("'keypad_brute_force' is not an alarm kind", error.Message);
    }

    [Fact]
    public void EveryKind_HasASeverity_AndKindsAreUnique()
    {
        Assert.Equal(AlarmKinds.All.Count, AlarmKinds.All.Distinct().Count());
        Assert.All(AlarmKinds.All, kind => Assert.True(Enum.IsDefined(AlarmKinds.SeverityOf(kind))));
        Assert.Throws<ArgumentException>(() => AlarmKinds.SeverityOf("door_opened_unexpectedly"));
    }

    [Fact]
    public void OperationsDoc_AlarmTable_ListsEveryKindWithItsSeverity()
    {
        var text = File.ReadAllText(RepositoryRoot.File("docs", "operations.md"));
        var start = text.IndexOf("## Alarms", StringComparison.Ordinal);
        var end = text.IndexOf("\n#", start + 1, StringComparison.Ordinal);
        var section = text[start..(end < 0 ? text.Length : end)];
        var documented = AlarmRow().Matches(section).Select(m => (m.Groups["kind"].Value, m.Groups["severity"].Value)).ToList();

        var expected = AlarmKinds.All.Select(kind => (kind, AlarmKinds.SeverityOf(kind).ToString().ToLowerInvariant())).ToList();
        Assert.Equal(expected.OrderBy(e => e.kind), documented.OrderBy(d => d.Item1));
    }

    [GeneratedRegex(@"^\| `(?<kind>[a-z_]+)` \| (?<severity>[a-z]+) \|", RegexOptions.Multiline)]
    private static partial Regex AlarmRow();
}
