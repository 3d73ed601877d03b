namespace Lockers.Repository.Tests.Layout;

/// <summary>One path a README's layout names, relative to the README's folder; a trailing '/' marks a folder.</summary>
public sealed record LayoutEntry(string Path, int Line)
{
    public bool IsFolder => Path.EndsWith('/');

    /// <summary>A placeholder or wildcard ("diagrams/&lt;board&gt;.svg", "*Tests.cs") stands for one or more paths.</summary>
    public bool IsPattern => RepositoryTree.IsPattern(Path);
}

/// <summary>
/// Reads the layout a README gives of its own folder (ADR 0012). Two forms count:
/// <list type="bullet">
/// <item>the fenced block under a heading that starts with "Layout": one path per line, the first word of the
/// line; a line indented deeper than a folder's line is inside that folder (the root README's tree), and a line
/// starting in the column of the description above continues that description;</item>
/// <item>every table with a column headed "folder" or "file": the backticked paths in that column
/// ("`Link/`, `Provisioning/`", "`Locks/GpioSolenoidPort.cs`").</item>
/// </list>
/// </summary>
public static class ReadmeLayout
{
    private static readonly string[] PathColumns = ["folder", "folders", "file", "files"];

    public static IReadOnlyList<LayoutEntry> Parse(string markdown)
    {
        var lines = markdown.Replace("\r\n", "\n").Split('\n');
        var entries = new List<LayoutEntry>();
        entries.AddRange(TreeBlock(lines));
        entries.AddRange(Tables(lines));
        return entries;
    }

    private static IEnumerable<LayoutEntry> TreeBlock(string[] lines)
    {
        var fenced = Markdown.FencedLines(lines);
        int? layoutLevel = null;
        for (int i = 0; i < lines.Length; i++)
        {
            if (!fenced[i] && Markdown.Heading(lines[i]) is { } heading)
            {
                if (layoutLevel is { } level && heading.Level <= level) layoutLevel = null;
                if (heading.Text.StartsWith("Layout", StringComparison.OrdinalIgnoreCase)) layoutLevel = heading.Level;
                continue;
            }

            if (layoutLevel is null || !fenced[i]) continue;

            // The first fenced block of the Layout section: read it to its closing fence, then stop.
            var parents = new Stack<(int Indent, string Folder)>();
            int descriptionColumn = int.MaxValue;
            for (int j = i + 1; j < lines.Length && fenced[j] && Markdown.Heading(lines[j]) is null && !IsFence(lines[j]); j++)
            {
                var line = lines[j];
                var word = line.Trim().Split(' ', 2)[0];
                if (word.Length == 0) continue;
                int indent = line.Length - line.TrimStart().Length;
                if (indent >= descriptionColumn) continue; // the previous line's description, continued
                var rest = line[(indent + word.Length)..];
                descriptionColumn = rest.Trim().Length == 0 ? int.MaxValue : indent + word.Length + (rest.Length - rest.TrimStart().Length);
                while (parents.Count > 0 && parents.Peek().Indent >= indent) parents.Pop();
                var path = (parents.Count > 0 ? parents.Peek().Folder : "") + word;
                yield return new LayoutEntry(path, j + 1);
                if (path.EndsWith('/')) parents.Push((indent, path));
            }

            yield break;
        }
    }

    private static IEnumerable<LayoutEntry> Tables(string[] lines)
    {
        var fenced = Markdown.FencedLines(lines);
        for (int i = 0; i + 1 < lines.Length; i++)
        {
            if (fenced[i] || Markdown.TableCells(lines[i]) is not { } header || !Markdown.IsTableSeparator(lines[i + 1])) continue;
            var columns = Enumerable.Range(0, header.Count)
                .Where(c => PathColumns.Contains(header[c].Trim('*', ' ').ToLowerInvariant()))
                .ToArray();
            int row = i + 2;
            for (; row < lines.Length && Markdown.TableCells(lines[row]) is { } cells; row++)
            {
                foreach (int column in columns.Where(c => c < cells.Count))
                {
                    foreach (var span in Markdown.CodeSpans(cells[column]))
                    {
                        var path = span.Trim();
                        if (path.StartsWith("./", StringComparison.Ordinal)) path = path[2..];
                        if (path.Length > 0 && !path.Contains(' ')) yield return new LayoutEntry(path, row + 1);
                    }
                }
            }

            i = row - 1;
        }
    }

    private static bool IsFence(string line)
    {
        var trimmed = line.TrimStart();
        return trimmed.StartsWith("```", StringComparison.Ordinal) || trimmed.StartsWith("~~~", StringComparison.Ordinal);
    }
}
