using System.Text.RegularExpressions;
using Lockers.Testing;

namespace Lockers.Repository.Tests;

/// <summary>
/// The files and folders of a checkout as a clean clone has them: what .gitignore ignores is left out, and so
/// is a folder with no file in it (git keeps no empty folders). Paths are relative to the root and
/// '/'-separated; the root is "".
/// </summary>
public sealed class RepositoryTree
{
    private static readonly Lazy<RepositoryTree> CurrentTree = new(() => new RepositoryTree(RepositoryRoot.Path));

    private readonly HashSet<string> _files = new(StringComparer.Ordinal);
    private readonly HashSet<string> _folders = new(StringComparer.Ordinal) { "" };
    private readonly Dictionary<string, List<string>> _byName = new(StringComparer.Ordinal);

    public RepositoryTree(string root)
    {
        Root = Path.GetFullPath(root);
        Ignore = GitIgnoreRules.ForRoot(Root);
        Walk(new DirectoryInfo(Root), "");
    }

    /// <summary>The checkout these tests run in (the folder holding Lockers.sln).</summary>
    public static RepositoryTree Current => CurrentTree.Value;

    public string Root { get; }

    public GitIgnoreRules Ignore { get; }

    /// <summary>Every file, sorted.</summary>
    public IEnumerable<string> Files => _files.Order(StringComparer.Ordinal);

    public bool FileExists(string path) => _files.Contains(Normalize(path));

    public bool FolderExists(string path) => _folders.Contains(Normalize(path));

    public bool Exists(string path) => FileExists(path) || FolderExists(path);

    /// <summary>Files anywhere in the tree with this name ("README.md").</summary>
    public IReadOnlyList<string> FilesNamed(string name) => _byName.TryGetValue(name, out var paths) ? paths : [];

    /// <summary>The folders directly inside <paramref name="folder"/>, as full relative paths.</summary>
    public IEnumerable<string> SubfoldersOf(string folder)
    {
        folder = Normalize(folder);
        var prefix = folder.Length == 0 ? "" : folder + "/";
        return _folders.Where(f => f.Length > prefix.Length && f.StartsWith(prefix, StringComparison.Ordinal) && !f[prefix.Length..].Contains('/'))
            .Order(StringComparer.Ordinal);
    }

    /// <summary>
    /// True when a path with placeholders or wildcards ("hardware/diagrams/&lt;board&gt;.svg",
    /// "tests/Lockers.Mqtt.Tests/Interop/*BenchSmokeTests.cs", "lockers/{id}") matches at least one file, or folder when <paramref name="folder"/>.
    /// </summary>
    public bool AnyMatches(string pattern, bool folder)
    {
        var regex = new Regex("^" + string.Join("/", Normalize(pattern).Split('/').Select(SegmentPattern)) + "$", RegexOptions.CultureInvariant);
        return (folder ? _folders : _files).Any(regex.IsMatch);
    }

    public static bool IsPattern(string path) => path.IndexOfAny(['<', '*', '{']) >= 0;

    public string ReadAllText(string path) => File.ReadAllText(System.IO.Path.Combine(Root, Normalize(path)));

    /// <summary>
    /// Resolves <paramref name="relative"/> ("../Lockers.Testing/README.md", "Layout/") against the folder <paramref name="folder"/>;
    /// null when it climbs above the root.
    /// </summary>
    public static string? Combine(string folder, string relative)
    {
        var parts = new List<string>(folder.Split('/', StringSplitOptions.RemoveEmptyEntries));
        foreach (var segment in relative.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (segment == ".") continue;
            if (segment == "..")
            {
                if (parts.Count == 0) return null;
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        return string.Join('/', parts);
    }

    public static string FolderOf(string path)
    {
        int slash = path.LastIndexOf('/');
        return slash < 0 ? "" : path[..slash];
    }

    private static string SegmentPattern(string segment) =>
        Regex.Replace(Regex.Escape(segment), @"(\\\*)+|<[^>]*>|\\\{[^}]*}", m => m.Value switch
        {
            @"\*\*" => ".*",
            @"\*" => "[^/]*",
            _ => "[^/]+",
        });

    private static string Normalize(string path) => path.Replace('\\', '/').Trim('/');

    /// <summary>Returns true when the folder holds at least one file that counts.</summary>
    private bool Walk(DirectoryInfo directory, string relative)
    {
        bool any = false;
        foreach (var file in directory.EnumerateFiles())
        {
            var path = Join(relative, file.Name);
            if (file.Name == ".git" || Ignore.IsIgnored(path, isFolder: false)) continue;
            _files.Add(path);
            if (!_byName.TryGetValue(file.Name, out var list)) _byName[file.Name] = list = [];
            list.Add(path);
            any = true;
        }

        foreach (var sub in directory.EnumerateDirectories())
        {
            var path = Join(relative, sub.Name);
            if (sub.Name == ".git" || Ignore.IsIgnored(path, isFolder: true) || sub.LinkTarget is not null) continue;
            if (Walk(sub, path))
            {
                _folders.Add(path);
                any = true;
            }
        }

        return any;
    }

    private static string Join(string folder, string name) => folder.Length == 0 ? name : folder + "/" + name;
}
