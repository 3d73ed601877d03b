using System.Text.RegularExpressions;

namespace Lockers.Repository.Tests.Citations;

/// <summary>A citation that points at nothing in the repository.</summary>
public sealed record CitationFinding(string File, int Line, string Problem)
{
    public override string ToString() => $"{File}:{Line}: {Problem}";
}

/// <summary>
/// Finds citations of files in docs, READMEs and comments, and reports each one that does not resolve to a file or
/// folder of the repository (ADR 0012). What counts as a citation:
/// <list type="bullet">
/// <item>a Markdown link's target (and its #anchor, when it points at a Markdown file);</item>
/// <item>a path such as <c>docs/adr/0200-locker-link.md</c>, <c>Store/Sqlite/</c> or <c>../README.md</c>, when its
/// first folder exists beside the citing file or above it (so <c>lockers/v1/&lt;id&gt;/cmd</c> or <c>text/plain</c> are
/// not taken for paths), resolved against those folders; a trailing type name may leave off ".cs";</item>
/// <item>a bare document name ("operations.md"), which must be a file somewhere in the repository (bare source file
/// names are left alone: comments cite upstream sources, "GpioController.cs", by repository and name);</item>
/// <item>anything in a folder named "shared" (the project's notes beside the checkout), or a relative path that
/// climbs out of the checkout: files beside the repository are not in a clone.</item>
/// </list>
/// Markdown is read outside fenced blocks; inside them (commands run from the root) only root paths and file names
/// are held. C#, JavaScript and CSS files are read in their comments only; other text files whole.
/// </summary>
public sealed partial class CitationScanner(RepositoryTree tree)
{
    private static readonly string[] CommentedExtensions = [".cs", ".js", ".mjs", ".css"];
    private static readonly string[] NotText = [".svg", ".png", ".jpg", ".jpeg", ".gif", ".ico", ".pdf", ".zip", ".gz", ".dll", ".exe", ".pfx", ".der", ".db", ".sln"];

    /// <summary>A folder name that stands for the files next to the checkout, never inside it.</summary>
    private const string OutsideFolder = "shared";

    private readonly Dictionary<string, HashSet<string>> _anchors = new(StringComparer.Ordinal);

    /// <summary>How many citations the scans so far resolved or reported.</summary>
    public int CitationsChecked { get; private set; }

    public IEnumerable<CitationFinding> ScanRepository() =>
        tree.Files.Where(IsScanned).SelectMany(file => Scan(file, tree.ReadAllText(file))).ToList();

    /// <summary>The citations in <paramref name="text"/>, as the file <paramref name="file"/> of the tree, that resolve to nothing.</summary>
    public IEnumerable<CitationFinding> Scan(string file, string text)
    {
        var lines = text.Replace("\r\n", "\n").Split('\n');
        var findings = new List<CitationFinding>();
        var extension = Path.GetExtension(file).ToLowerInvariant();
        if (extension == ".md")
        {
            var fenced = Markdown.FencedLines(lines);
            for (int i = 0; i < lines.Length; i++)
            {
                var line = lines[i];
                if (!fenced[i])
                {
                    foreach (Match link in MarkdownLink().Matches(line)) CheckLink(file, i + 1, link.Groups[1].Value, findings);
                    line = MarkdownLink().Replace(line, "]");
                }

                foreach (var token in Tokens(line)) CheckPath(file, i + 1, token, fenced[i], findings);
            }
        }
        else
        {
            bool commentsOnly = CommentedExtensions.Contains(extension);
            bool inBlock = false;
            for (int i = 0; i < lines.Length; i++)
            {
                var line = commentsOnly ? CommentText(lines[i], ref inBlock) : lines[i];
                if (commentsOnly) line = XmlTag().Replace(line, " ").Replace("&lt;", "<").Replace("&gt;", ">");
                foreach (var token in Tokens(line)) CheckPath(file, i + 1, token, fenced: false, findings);
            }
        }

        return findings;
    }

    private bool IsScanned(string file)
    {
        var name = Path.GetFileName(file);
        if (name is ".gitignore" or ".gitattributes" or "package-lock.json") return false;
        if (NotText.Contains(Path.GetExtension(name).ToLowerInvariant())) return false;
        var info = new FileInfo(Path.Combine(tree.Root, file));
        if (info.Length > 1_000_000) return false;
        var head = new byte[Math.Min(8192, (int)info.Length)];
        using (var stream = info.OpenRead()) stream.ReadExactly(head);
        return Array.IndexOf(head, (byte)0) < 0;
    }

    private void CheckLink(string file, int line, string target, List<CitationFinding> findings)
    {
        if (UriScheme().IsMatch(target)) return;
        CitationsChecked++;
        int hash = target.IndexOf('#');
        var path = hash < 0 ? target : target[..hash];
        var anchor = hash < 0 ? "" : target[(hash + 1)..];
        var resolved = path.Length == 0 ? file
            : path.StartsWith('/') ? RepositoryTree.Combine("", path) : RepositoryTree.Combine(RepositoryTree.FolderOf(file), path);
        if (resolved is null)
        {
            findings.Add(new(file, line, $"links to `{target}`, which climbs out of the repository"));
        }
        else if (!tree.Exists(resolved))
        {
            findings.Add(new(file, line, $"links to `{target}`, but {resolved} does not exist"));
        }
        else if (anchor.Length > 0 && resolved.EndsWith(".md", StringComparison.Ordinal) && !AnchorsOf(resolved).Contains(anchor))
        {
            findings.Add(new(file, line, $"links to `{target}`, but {resolved} has no heading with the anchor #{anchor}"));
        }
    }

    private void CheckPath(string file, int line, string token, bool fenced, List<CitationFinding> findings)
    {
        if (token.Contains("://") || token.Contains('\\') || token[0] is '$' or '@' or '-' or '~' or '%') return;
        var path = LineSuffix().Replace(token.Split('#')[0], "");
        if (path.Length == 0) return;
        bool document = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase);
        if (!path.Contains('/') && !document) return;

        var folder = RepositoryTree.FolderOf(file);
        var segments = path.TrimStart('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return;

        bool outside = segments[0] == OutsideFolder || (path.StartsWith('/') && segments.Contains(OutsideFolder));
        if (outside && !tree.FolderExists(OutsideFolder))
        {
            CitationsChecked++;
            findings.Add(new(file, line, $"cites `{token}`: the {OutsideFolder}/ folder is beside the repository, not in it"));
            return;
        }

        if (path.StartsWith('/'))
        {
            // Absolute paths are the machine's (/usr/sbin, /proc) or URLs' (/health); a document is never one.
            if (document)
            {
                CitationsChecked++;
                findings.Add(new(file, line, $"cites `{token}`, an absolute path: cite files by their path in the repository"));
            }

            return;
        }

        if (path.StartsWith("./", StringComparison.Ordinal) || path.StartsWith("../", StringComparison.Ordinal))
        {
            if (fenced) return;
            CitationsChecked++;
            var resolved = RepositoryTree.Combine(folder, path);
            // "./lockers test": a command, run from the root.
            bool command = path.StartsWith("./", StringComparison.Ordinal) && ExistsLoosely(path[2..]);
            if (resolved is null) findings.Add(new(file, line, $"cites `{token}`, which climbs out of the repository"));
            else if (!command && !ExistsLoosely(resolved)) findings.Add(new(file, line, $"cites `{token}`, but {resolved} does not exist"));
            return;
        }

        if (!path.Contains('/'))
        {
            if (RepositoryTree.IsPattern(path)) return;
            CitationsChecked++;
            if (tree.FilesNamed(path).Count == 0 && !tree.Ignore.IsIgnored(RepositoryTree.Combine(folder, path)!, isFolder: false))
            {
                findings.Add(new(file, line, $"cites `{token}`, but no file of the repository has that name"));
            }

            return;
        }

        // A path: it cites the repository when its first folder exists here or in a folder above.
        var bases = fenced ? [""] : Ancestors(folder).ToArray();
        var claimed = bases.Where(b => tree.FolderExists(RepositoryTree.Combine(b, segments[0])!)).ToArray();
        if (claimed.Length == 0)
        {
            if (document && !RepositoryTree.IsPattern(path))
            {
                CitationsChecked++;
                findings.Add(new(file, line, $"cites `{token}`, which is not in the repository"));
            }

            return;
        }

        CitationsChecked++;
        if (!claimed.Any(b => ExistsLoosely(RepositoryTree.Combine(b, path)!)))
        {
            var looked = string.Join(", ", claimed.Select(b => RepositoryTree.Combine(b, path.TrimEnd('/'))));
            findings.Add(new(file, line, $"cites `{token}`, but it does not exist (looked for {looked})"));
        }
    }

    /// <summary>
    /// The path exists as written; or names a type by its file without ".cs" ("Link/LockerCommandSender"); or an ADR
    /// by its number ("docs/adr/0300"); or matches a pattern ("&lt;board&gt;.json"); or is something git ignores
    /// (built or run-time files, which a clone does not have yet).
    /// </summary>
    private bool ExistsLoosely(string path)
    {
        bool folder = path.EndsWith('/');
        path = path.TrimEnd('/');
        if (tree.Ignore.IsIgnored(path, isFolder: true) || (!folder && tree.Ignore.IsIgnored(path, isFolder: false))) return true;
        if (RepositoryTree.IsPattern(path)) return tree.AnyMatches(path, folder) || (!folder && tree.AnyMatches(path, folder: true));
        if (folder) return tree.FolderExists(path);
        return tree.Exists(path) || tree.FileExists(path + ".cs") || (AdrNumber().IsMatch(path) && tree.AnyMatches(path + "-*.md", folder: false));
    }

    private HashSet<string> AnchorsOf(string markdownFile)
    {
        if (!_anchors.TryGetValue(markdownFile, out var anchors))
        {
            _anchors[markdownFile] = anchors = Markdown.Anchors(tree.ReadAllText(markdownFile).Replace("\r\n", "\n").Split('\n'));
        }

        return anchors;
    }

    private static IEnumerable<string> Ancestors(string folder)
    {
        for (var current = folder; ; current = RepositoryTree.FolderOf(current))
        {
            yield return current;
            if (current.Length == 0) yield break;
        }
    }

    private static IEnumerable<string> Tokens(string text) =>
        TokenSeparators().Split(text)
            .Select(t => t.TrimStart('*', '_').TrimEnd('*', '_', '.', ',', ':', ';', '!', '?'))
            .Where(t => t.Length > 0 && t.Any(char.IsLetterOrDigit));

    /// <summary>The comment part of a C#/JavaScript/CSS line: after a // that is not inside a string, or inside /* */.</summary>
    internal static string CommentText(string line, ref bool inBlock)
    {
        var comment = new System.Text.StringBuilder();
        bool inString = false;
        for (int i = 0; i < line.Length; i++)
        {
            if (inBlock)
            {
                if (line[i] == '*' && i + 1 < line.Length && line[i + 1] == '/')
                {
                    inBlock = false;
                    i++;
                    comment.Append(' ');
                    continue;
                }

                comment.Append(line[i]);
                continue;
            }

            char c = line[i];
            if (c == '"' && (i == 0 || line[i - 1] != '\\')) inString = !inString;
            if (inString || c != '/' || i + 1 >= line.Length) continue;
            if (line[i + 1] == '/') return comment.Append(' ').Append(line, i + 2, line.Length - i - 2).ToString();
            if (line[i + 1] == '*')
            {
                inBlock = true;
                i++;
            }
        }

        return comment.ToString();
    }

    [GeneratedRegex(@"!?\[[^\]]*\]\(([^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex MarkdownLink();

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9+.\-]*:")]
    private static partial Regex UriScheme();

    [GeneratedRegex(@"[\s`'""()\[\],;|=]+")]
    private static partial Regex TokenSeparators();

    [GeneratedRegex(@":\d+(:\d+)?$")]
    private static partial Regex LineSuffix();

    [GeneratedRegex(@"(^|/)adr/\d{4}$")]
    private static partial Regex AdrNumber();

    [GeneratedRegex(@"</?[A-Za-z][^<>]*>")]
    private static partial Regex XmlTag();
}
