namespace Lockers.Core.Tests.Compatibility;

/// <summary>Finds the repository from the test binaries (walks up to the folder holding Lockers.sln).</summary>
internal static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string CoreSources => Path.Combine(Root, "firmware", "Lockers.Core");

    public static string BoardsFolder => Path.Combine(Root, "hardware", "boards");

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir != null && !File.Exists(Path.Combine(dir.FullName, "Lockers.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Lockers.sln not found above " + AppContext.BaseDirectory);
    }
}
