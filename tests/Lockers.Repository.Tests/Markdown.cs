using System.Text;
using System.Text.RegularExpressions;

namespace Lockers.Repository.Tests;

/// <summary>
/// Just enough CommonMark for the repository tests: which lines are inside fenced code blocks, table rows
/// split into cells (a '|' inside backticks or escaped stays in its cell), backticked spans, headings and
/// the anchors a renderer gives them.
/// </summary>
public static partial class Markdown
{
    /// <summary>For each line, whether it is part of a fenced code block (its fence lines included).</summary>
    public static bool[] FencedLines(IReadOnlyList<string> lines)
    {
        var fenced = new bool[lines.Count];
        string? fence = null;
        for (int i = 0; i < lines.Count; i++)
        {
            var trimmed = lines[i].TrimStart();
            if (fence is null)
            {
                var open = FenceOpen().Match(trimmed);
                if (open.Success)
                {
                    fence = open.Groups[1].Value;
                    fenced[i] = true;
                }
            }
            else
            {
                fenced[i] = true;
                if (trimmed.StartsWith(fence, StringComparison.Ordinal) && trimmed.TrimEnd().Trim(fence[0]).Length == 0)
                {
                    fence = null;
                }
            }
        }

        return fenced;
    }

    /// <summary>The cells of a table row ("| a | `b|c` |" gives "a" and "`b|c`"), or null when the line is not one.</summary>
    public static List<string>? TableCells(string line)
    {
        var trimmed = line.Trim();
        if (!trimmed.StartsWith('|')) return null;
        var cells = new List<string>();
        var cell = new StringBuilder();
        bool code = false;
        for (int i = 1; i < trimmed.Length; i++)
        {
            char c = trimmed[i];
            if (c == '`') code = !code;
            if (c == '\\' && i + 1 < trimmed.Length && trimmed[i + 1] == '|')
            {
                cell.Append('|');
                i++;
                continue;
            }

            if (c == '|' && !code)
            {
                cells.Add(cell.ToString().Trim());
                cell.Clear();
                continue;
            }

            cell.Append(c);
        }

        if (cell.ToString().Trim().Length > 0) cells.Add(cell.ToString().Trim());
        return cells;
    }

    public static bool IsTableSeparator(string line) => TableSeparator().IsMatch(line.Trim());

    /// <summary>The contents of every `code span` in <paramref name="text"/>.</summary>
    public static IEnumerable<string> CodeSpans(string text) => CodeSpan().Matches(text).Select(m => m.Groups[1].Value);

    /// <summary>A heading line's level and text, or null.</summary>
    public static (int Level, string Text)? Heading(string line)
    {
        var match = HeadingLine().Match(line);
        return match.Success ? (match.Groups[1].Length, match.Groups[2].Value.Trim()) : null;
    }

    /// <summary>
    /// The anchors of a document's headings as GitHub renders them: lower case, punctuation dropped, spaces
    /// as '-', a repeated anchor numbered (-1, -2, ...).
    /// </summary>
    public static HashSet<string> Anchors(IReadOnlyList<string> lines)
    {
        var fenced = FencedLines(lines);
        var anchors = new HashSet<string>(StringComparer.Ordinal);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < lines.Count; i++)
        {
            if (fenced[i] || Heading(lines[i]) is not { } heading) continue;
            var slug = Slug(heading.Text);
            counts.TryGetValue(slug, out int seen);
            counts[slug] = seen + 1;
            anchors.Add(seen == 0 ? slug : slug + "-" + seen);
        }

        return anchors;
    }

    public static string Slug(string heading)
    {
        var text = heading.ToLowerInvariant();
        var slug = new StringBuilder();
        foreach (char c in text)
        {
            if (char.IsLetterOrDigit(c) || c == '-' || c == '_') slug.Append(c);
            else if (c == ' ') slug.Append('-');
        }

        return slug.ToString();
    }

    [GeneratedRegex(@"^(`{3,}|~{3,})")]
    private static partial Regex FenceOpen();

    [GeneratedRegex(@"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")]
    private static partial Regex TableSeparator();

    [GeneratedRegex(@"`([^`]+)`")]
    private static partial Regex CodeSpan();

    [GeneratedRegex(@"^(#{1,6})\s+(.*?)\s*#*\s*$")]
    private static partial Regex HeadingLine();
}
