using Lockers.Core.Board;
using Lockers.Testing;

namespace Lockers.Simulator.Tests.Support;

/// <summary>Files of the repository the tests read (board files), under <see cref="RepositoryRoot"/>.</summary>
internal static class RepoFiles
{
    public static string Root => RepositoryRoot.Path;

    public static BoardDefinition Board(string name = "devkit-4.json") =>
        BoardLoader.Load(File.ReadAllText(RepositoryRoot.Board(name)));
}
