using Lockers.Core.Board;
using Lockers.Testing;

namespace Lockers.Controller.Linux.Tests.Support;

/// <summary>The committed Raspberry Pi board file, hardware/boards/pi-10.json: compartments 1-8 lock on U2 GPA0-7, 9-10 on GPIO23/24; every reed switch on a Pi GPIO.</summary>
internal static class PiBoard
{
    public const string FileName = "pi-10.json";

    public static string Path => RepositoryRoot.Board(FileName);

    public static BoardDefinition Load() => BoardLoader.Load(File.ReadAllText(Path));
}
