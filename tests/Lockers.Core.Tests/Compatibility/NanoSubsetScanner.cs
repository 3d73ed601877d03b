using System.Text;
using System.Text.RegularExpressions;

namespace Lockers.Core.Tests.Compatibility;

/// <summary>
/// A source-level check for the C# the nanoFramework 1.x toolchain cannot take and the banned-API analyzer
/// cannot see (it looks at symbols used, not at what we declare): generic definitions, nullable value
/// types, records, iterators, async, tuples, index/range. It works on tokens, not a syntax tree: comments
/// and string/char literals are blanked first, and regions compiled only for .NET
/// (<c>#if !NANOFRAMEWORK_1_0</c>) are skipped.
/// </summary>
internal static class NanoSubsetScanner
{
    private const string NullableTypes = "int|long|bool|double|float|decimal|byte|sbyte|char|short|ushort|uint|ulong|DateTime|TimeSpan|Guid";

    private static readonly (string Rule, Regex Pattern)[] Rules =
    {
        ("generic type definition", new Regex(@"\b(class|struct|interface|record)\s+\w+\s*<")),
        ("generic delegate", new Regex(@"\bdelegate\s+[\w.\[\]]+\s+\w+\s*<")),
        ("generic method or call", new Regex(@"\b\w+\s*<\s*[\w.]+(\s*,\s*[\w.]+)*\s*>\s*\(")),
        ("generic constraint", new Regex(@"\bwhere\s+\w+\s*:")),
        ("nullable value type", new Regex(@"\b(" + NullableTypes + @")\?(?![?.\[])")),
        ("record", new Regex(@"(^|[\s;{}])record\s+(class\s+|struct\s+)?[A-Z]\w*\s*[\(\{:<]")),
        ("init accessor", new Regex(@"\binit\s*[;{]")),
        ("yield", new Regex(@"\byield\s+(return|break)\b")),
        ("async", new Regex(@"\basync\s+[\w(]")),
        ("await", new Regex(@"\bawait\s+[\w(]")),
        ("banned using", new Regex(@"^\s*using\s+(static\s+)?System\.(Linq|Collections\.Generic|Threading\.Tasks)\b")),
        ("tuple", new Regex(@"\b(ValueTuple|Tuple)\b")),
        ("tuple return type", new Regex(@"^\s*((public|internal|private|protected|static|override|virtual)\s+)*\(\s*[\w.]+\s+\w+\s*,[^)]*\)\s+\w+\s*\(")),
        ("index or range", new Regex(@"\[\s*\^|\[[^\]]*\.\.[^\]]*\]")),
    };

    /// <summary>Scans every .cs file under <paramref name="folder"/>; hits read "relative/path.cs:line: text".</summary>
    public static List<string> ScanFolder(string folder)
    {
        var files = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .OrderBy(f => f, StringComparer.Ordinal)
            .ToArray();
        var sources = files.ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllText);
        return Scan(sources);
    }

    /// <summary>Scans sources given as (name, text); value types declared in any of them count for the nullable rule.</summary>
    public static List<string> Scan(IReadOnlyDictionary<string, string> sources)
    {
        var stripped = sources.ToDictionary(s => s.Key, s => StripNonNanoRegions(StripLiteralsAndComments(s.Value)));
        var declared = stripped.Values
            .SelectMany(text => Regex.Matches(text, @"\b(enum|struct)\s+(\w+)").Select(m => m.Groups[2].Value))
            .Distinct()
            .ToArray();
        var ownNullable = declared.Length == 0 ? null : new Regex(@"\b(" + string.Join("|", declared) + @")\?(?![?.\[])");

        var hits = new List<string>();
        foreach (var (name, text) in stripped)
        {
            string[] lines = text.Split('\n');
            string[] original = sources[name].Split('\n');
            for (int i = 0; i < lines.Length; i++)
            {
                foreach (var (rule, pattern) in Rules)
                {
                    if (pattern.IsMatch(lines[i])) hits.Add($"{name}:{i + 1}: {rule}: {original[i].Trim()}");
                }

                if (ownNullable != null && ownNullable.IsMatch(lines[i])) hits.Add($"{name}:{i + 1}: nullable value type: {original[i].Trim()}");
            }
        }

        return hits;
    }

    /// <summary>Blanks comments and the insides of string and char literals, keeping every newline so line numbers hold.</summary>
    public static string StripLiteralsAndComments(string source)
    {
        var output = new StringBuilder(source.Length);
        int i = 0;
        while (i < source.Length)
        {
            char c = source[i];
            char next = i + 1 < source.Length ? source[i + 1] : '\0';
            if (c == '/' && next == '/')
            {
                while (i < source.Length && source[i] != '\n') i++;
            }
            else if (c == '/' && next == '*')
            {
                int end = source.IndexOf("*/", i + 2, StringComparison.Ordinal);
                end = end < 0 ? source.Length : end + 2;
                Blank(output, source, i, end);
                i = end;
            }
            else if (c == '"' || (c == '@' && next == '"') || (c == '$' && (next == '"' || next == '@')) || (c == '@' && next == '$'))
            {
                i = SkipString(output, source, i);
            }
            else if (c == '\'')
            {
                int end = i + 1;
                while (end < source.Length && source[end] != '\'' && source[end] != '\n') end += source[end] == '\\' ? 2 : 1;
                end = Math.Min(end + 1, source.Length);
                output.Append("' '");
                i = end;
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    /// <summary>Blanks lines inside <c>#if !NANOFRAMEWORK_1_0</c> (or the #else of <c>#if NANOFRAMEWORK_1_0</c>).</summary>
    public static string StripNonNanoRegions(string source)
    {
        var lines = source.Split('\n');
        var stack = new Stack<bool?>();     // per #if: compiled on nano? (null = unknown, counted as compiled)
        for (int i = 0; i < lines.Length; i++)
        {
            string t = lines[i].Trim();
            if (t.StartsWith("#if", StringComparison.Ordinal))
            {
                string condition = t.Substring(3).Trim();
                stack.Push(condition == "NANOFRAMEWORK_1_0" ? true : condition == "!NANOFRAMEWORK_1_0" ? false : null);
            }
            else if (t.StartsWith("#else", StringComparison.Ordinal) && stack.Count > 0)
            {
                bool? top = stack.Pop();
                stack.Push(top.HasValue ? !top.Value : null);
            }
            else if (t.StartsWith("#endif", StringComparison.Ordinal) && stack.Count > 0)
            {
                stack.Pop();
            }
            else if (stack.Any(active => active == false))
            {
                lines[i] = "";
            }
        }

        return string.Join('\n', lines);
    }

    private static int SkipString(StringBuilder output, string source, int start)
    {
        int i = start;
        bool verbatim = false;
        while (source[i] != '"')
        {
            if (source[i] == '@') verbatim = true;
            i++;
        }

        i++;
        output.Append("\"");
        while (i < source.Length)
        {
            char c = source[i];
            if (verbatim && c == '"' && i + 1 < source.Length && source[i + 1] == '"') { i += 2; continue; }
            if (c == '"') { i++; break; }
            if (!verbatim && c == '\\') { i += 2; continue; }
            if (c == '\n') output.Append('\n');
            i++;
        }

        output.Append("\"");
        return i;
    }

    private static void Blank(StringBuilder output, string source, int from, int to)
    {
        for (int i = from; i < to; i++) output.Append(source[i] == '\n' ? '\n' : ' ');
    }
}
