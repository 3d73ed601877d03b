namespace Lockers.Repository.Tests.Layout;

/// <summary>
/// Holds a README's layout (<see cref="ReadmeLayout"/>) to the folders beside it. Two rules:
/// every path it lists exists; and wherever it lists anything inside a folder (its own folder always), it lists
/// every subfolder there. Hidden folders (".ci") are not required.
/// </summary>
public static class LayoutCheck
{
    /// <summary>Listed paths that do not exist, as "README:line: message".</summary>
    public static IEnumerable<string> MissingPaths(RepositoryTree tree, string readme)
    {
        var folder = RepositoryTree.FolderOf(readme);
        foreach (var entry in ReadmeLayout.Parse(tree.ReadAllText(readme)))
        {
            var path = RepositoryTree.Combine(folder, entry.Path.TrimEnd('/'));
            bool exists = path is not null && (entry.IsPattern ? tree.AnyMatches(path, entry.IsFolder)
                : entry.IsFolder ? tree.FolderExists(path) : tree.Exists(path));
            if (!exists)
            {
                yield return $"{readme}:{entry.Line}: lists `{entry.Path}`, but {path ?? entry.Path} does not exist";
            }
        }
    }

    /// <summary>Folders the layout should list and does not, as "README: message".</summary>
    public static IEnumerable<string> UnlistedFolders(RepositoryTree tree, string readme)
    {
        var folder = RepositoryTree.FolderOf(readme);
        var entries = ReadmeLayout.Parse(tree.ReadAllText(readme));
        if (entries.Count == 0) yield break;

        // Folders the layout names, itself or as the folder of something it lists (relative to the README).
        var listed = new HashSet<string>(StringComparer.Ordinal);
        var opened = new HashSet<string>(StringComparer.Ordinal) { "" };
        foreach (var entry in entries)
        {
            var segments = entry.Path.TrimEnd('/').Split('/');
            int folders = entry.IsFolder ? segments.Length : segments.Length - 1;
            for (int i = 0; i < segments.Length; i++)
            {
                var prefix = string.Join('/', segments, 0, i + 1);
                if (i < folders && !RepositoryTree.IsPattern(prefix)) listed.Add(prefix);
                if (i > 0) opened.Add(string.Join('/', segments, 0, i));
            }
        }

        foreach (var parent in opened.Order(StringComparer.Ordinal))
        {
            var full = RepositoryTree.Combine(folder, parent);
            if (full is null || !tree.FolderExists(full)) continue;
            foreach (var sub in tree.SubfoldersOf(full))
            {
                var name = sub[(sub.LastIndexOf('/') + 1)..];
                var relative = parent.Length == 0 ? name : parent + "/" + name;
                if (!name.StartsWith('.') && !listed.Contains(relative))
                {
                    yield return $"{readme}: folder {sub}/ exists but the layout does not list `{relative}/`";
                }
            }
        }
    }
}
