using System.Text.RegularExpressions;
using Lockers.Gateway.Reservations;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Reservations;

/// <summary>The lifecycle table in code and the one in docs/api.md ("Statuses": the diagram and the table) are the same.</summary>
public sealed partial class ReservationTransitionsDocumentTests
{
    private static readonly string Statuses = Section(File.ReadAllText(RepositoryRoot.File("docs", "api.md")), "## Statuses");

    [Fact]
    public void Diagram_HasExactlyTheTablesTransitions()
    {
        var documented = DiagramArrow().Matches(Statuses)
            .Select(m => $"{m.Groups["from"].Value} -> {m.Groups["to"].Value} : {m.Groups["event"].Value}")
            .OrderBy(line => line, StringComparer.Ordinal);

        var coded = ReservationTransitions.All
            .Select(row => $"{row.From?.ToWire() ?? "[*]"} -> {row.To.ToWire()} : {ReservationTransitions.Name(row.Event)}")
            .OrderBy(line => line, StringComparer.Ordinal);

        Assert.Equal(coded, documented);
    }

    [Fact]
    public void Table_HasEveryRowWithItsGuardEffectsWebhooksAndAudit()
    {
        var documented = Statuses.Split('\n').Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .Select(line => line.Split('|').Skip(1).SkipLast(1).Select(Words).ToArray())
            .Select(cells => string.Join(" | ", cells.Select(words => string.Join(",", words))))
            .OrderBy(line => line, StringComparer.Ordinal);

        var coded = ReservationTransitions.All.Select(row => string.Join(" | ",
                ReservationTransitions.Name(row.Event),
                row.From?.ToWire() ?? "",
                row.To.ToWire(),
                row.Guard == ReservationGuard.None ? "" : ReservationTransitions.Name(row.Guard),
                string.Join(",", row.Effects.Select(ReservationTransitions.Name)),
                string.Join(",", row.Webhooks),
                row.AuditAction ?? ""))
            .OrderBy(line => line, StringComparer.Ordinal);

        Assert.Equal(coded, documented);
    }

    [Fact]
    public void Table_CoversEveryStatusAndEvent()
    {
        // Every status can be reached, and every event of the enum has a row: none is dead.
        Assert.Equal(Enum.GetValues<ReservationStatus>().OrderBy(s => s), ReservationTransitions.All.Select(row => row.To).Distinct().OrderBy(s => s));
        Assert.Equal(Enum.GetValues<ReservationEvent>().OrderBy(e => e), ReservationTransitions.All.Select(row => row.Event).Distinct().OrderBy(e => e));
        // At most one row per status and event for each kind of reservation: two rows share a pair only when one is for
        // deliveries and the other for sends.
        foreach (var kind in Enum.GetValues<ReservationKind>())
        {
            var rows = ReservationTransitions.All.Where(row => ReservationTransitions.AppliesTo(row.Guard, kind)).ToList();
            Assert.Equal(rows.Count, rows.Select(row => (row.From, row.Event)).Distinct().Count());
        }
    }

    /// <summary>The backticked words of a table cell ("(new)" and blanks give none).</summary>
    private static string[] Words(string cell) => BacktickedWord().Matches(cell).Select(m => m.Groups[1].Value).ToArray();

    private static string Section(string text, string heading)
    {
        var start = text.IndexOf(heading + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, $"docs/api.md has no '{heading}' section");
        var end = text.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return text[start..(end < 0 ? text.Length : end)];
    }

    [GeneratedRegex(@"^\s+(?<from>\[\*\]|[a-z_]+) --> (?<to>[a-z_]+) : (?<event>[a-z_]+)\s*$", RegexOptions.Multiline)]
    private static partial Regex DiagramArrow();

    [GeneratedRegex("`([^`]+)`")]
    private static partial Regex BacktickedWord();
}
