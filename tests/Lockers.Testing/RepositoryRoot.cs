namespace Lockers.Testing;

/// <summary>Files of the repository the tests run in, found by walking up from the test binaries to Lockers.sln.</summary>
public static class RepositoryRoot
{
    public static string Path { get; } = Find();

    public static string File(params string[] parts) => System.IO.Path.Combine([Path, .. parts]);

    /// <summary>A board file under hardware/boards ("devkit-4.json").</summary>
    public static string Board(string fileName) => File("hardware", "boards", fileName);

    public static string DevKitBoard => Board("devkit-4.json");

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (System.IO.File.Exists(System.IO.Path.Combine(directory.FullName, "Lockers.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Lockers.sln above " + AppContext.BaseDirectory);
    }
}
