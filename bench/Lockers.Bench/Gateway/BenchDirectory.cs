namespace Lockers.Bench.Gateway;

/// <summary>A temporary data directory for the bench gateway's store, deleted afterwards.</summary>
public sealed class BenchDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "lockers-bench-" + Guid.NewGuid().ToString("N")[..12]);

    public BenchDirectory() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Left behind in /tmp if the gateway still holds a file; harmless.
        }
    }
}
