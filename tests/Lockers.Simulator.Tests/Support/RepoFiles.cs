using Lockers.Core.Board;

namespace Lockers.Simulator.Tests.Support;

/// <summary>Files of the repository the tests read (board files), found from the test binary's folder upwards.</summary>
internal static class RepoFiles
{
    public static string Root { get; } = FindRoot();

    public static BoardDefinition Board(string name = "devkit-4.json") =>
        BoardLoader.Load(File.ReadAllText(Path.Combine(Root, "hardware", "boards", name)));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Lockers.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Lockers.sln not found above " + AppContext.BaseDirectory);
    }
}
