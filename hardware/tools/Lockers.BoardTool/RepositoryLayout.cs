namespace Lockers.BoardTool;

/// <summary>Where the board files, their schema and the generated diagrams live.</summary>
public sealed class RepositoryLayout
{
    public RepositoryLayout(string root) => Root = root;

    /// <summary>The folder that holds Lockers.sln.</summary>
    public string Root { get; }
    public string BoardsDirectory => Path.Combine(Root, "hardware", "boards");
    public string SchemaPath => Path.Combine(BoardsDirectory, "board.schema.json");
    public string DiagramsDirectory => Path.Combine(Root, "hardware", "diagrams");
    public string BomDirectory => Path.Combine(Root, "hardware", "bom");

    /// <summary>Every board file, sorted so output is stable; the schema is not a board.</summary>
    public IReadOnlyList<string> BoardFiles() =>
        Directory.GetFiles(BoardsDirectory, "*.json")
            .Where(f => !f.EndsWith(".schema.json", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .ToList();

    public string DiagramPathFor(string boardFile) =>
        Path.Combine(DiagramsDirectory, Path.GetFileNameWithoutExtension(boardFile) + ".svg");

    /// <summary>Walks up from the working directory, then from the tool's own folder, to Lockers.sln.</summary>
    public static RepositoryLayout Find()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "Lockers.sln"))) return new RepositoryLayout(dir.FullName);
        }
        throw new DirectoryNotFoundException("cannot find the repository root (the folder holding Lockers.sln)");
    }
}
