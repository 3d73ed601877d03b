using System.Text.RegularExpressions;

namespace Lockers.Repository.Tests;

/// <summary>
/// The root .gitignore, read so the tests see the tree a clean clone has (no bin/, obj/, node_modules/, .data/).
/// Only the pattern forms the repository uses are understood: a name or glob matching at any depth
/// (<c>bin/</c>, <c>*.user</c>), and a path anchored at the root (<c>/.data/</c>, <c>firmware/packages/</c>);
/// a trailing slash matches folders only. Anything else (<c>!</c>, <c>**</c>) throws rather than being
/// misread, so the tests fail loudly when .gitignore outgrows this reader.
/// </summary>
public sealed class GitIgnoreRules
{
    private readonly List<(Regex Pattern, bool Anchored, bool FoldersOnly)> _rules = [];

    public GitIgnoreRules(IEnumerable<string> lines)
    {
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0 || line.StartsWith('#')) continue;
            if (line.StartsWith('!') || line.Contains("**"))
            {
                throw new NotSupportedException($".gitignore pattern '{line}' is not understood by {nameof(GitIgnoreRules)}; extend it.");
            }

            bool foldersOnly = line.EndsWith('/');
            line = line.TrimEnd('/');
            bool anchored = line.Contains('/');
            line = line.TrimStart('/');
            var regex = "^" + Regex.Escape(line).Replace(@"\*", "[^/]*").Replace(@"\?", "[^/]") + "$";
            _rules.Add((new Regex(regex, RegexOptions.CultureInvariant), anchored, foldersOnly));
        }
    }

    public static GitIgnoreRules ForRoot(string root)
    {
        var path = Path.Combine(root, ".gitignore");
        return new GitIgnoreRules(File.Exists(path) ? File.ReadAllLines(path) : []);
    }

    /// <summary>True when <paramref name="relativePath"/> ('/'-separated) or any folder above it is ignored.</summary>
    public bool IsIgnored(string relativePath, bool isFolder)
    {
        var segments = relativePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < segments.Length; i++)
        {
            bool folder = i < segments.Length - 1 || isFolder;
            var prefix = string.Join('/', segments, 0, i + 1);
            foreach (var (pattern, anchored, foldersOnly) in _rules)
            {
                if (foldersOnly && !folder) continue;
                if (pattern.IsMatch(anchored ? prefix : segments[i])) return true;
            }
        }

        return false;
    }
}
