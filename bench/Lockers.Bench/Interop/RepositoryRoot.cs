namespace Lockers.Bench.Interop;

/// <summary>The checkout's root directory: the nearest directory above the running assembly that holds Lockers.sln.</summary>
public static class RepositoryRoot
{
    private static readonly Lazy<string> Found = new(Find);

    /// <summary>Absolute path of the root; throws when the program does not run from inside a checkout.</summary>
    public static string Path => Found.Value;

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(directory.FullName, "Lockers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException($"No Lockers.sln above {AppContext.BaseDirectory}: run from inside the Lockers checkout.");
    }
}
