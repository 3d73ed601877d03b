namespace Lockers.Repository.Tests;

/// <summary>A throw-away folder of files for planting good and bad cases; deleted on dispose.</summary>
public sealed class TempTree : IDisposable
{
    public TempTree()
    {
        Root = Path.Combine(Path.GetTempPath(), "lockers-repo-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    /// <summary>Writes <paramref name="text"/> to the '/'-separated <paramref name="path"/>, creating folders.</summary>
    public TempTree With(string path, string text = "")
    {
        var full = Path.Combine(Root, path);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return this;
    }

    public TempTree WithEmptyFolder(string path)
    {
        Directory.CreateDirectory(Path.Combine(Root, path));
        return this;
    }

    public RepositoryTree Tree() => new(Root);

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
