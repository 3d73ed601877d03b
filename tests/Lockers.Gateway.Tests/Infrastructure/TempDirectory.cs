using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.Infrastructure;

/// <summary>A fresh directory under the system temp dir, removed on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("lockers-gateway-tests-").FullName;

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        // Pooled connections keep the database file open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp dir must not fail a test.
        }
    }
}
