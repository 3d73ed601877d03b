namespace Lockers.Repository.Tests.Layout;

/// <summary>
/// Every README's layout (the "Layout" tree, and tables with a "folder" or "file" column) against the folders
/// beside it: nothing listed that is gone, no folder left out. ADR 0012.
/// </summary>
public class ReadmeLayoutTests
{
    private static RepositoryTree Tree => RepositoryTree.Current;

    public static TheoryData<string> ReadmesWithALayout() => new(Readmes());

    [Theory]
    [MemberData(nameof(ReadmesWithALayout))]
    public void Layout_EveryListedPath_Exists(string readme)
    {
        var missing = LayoutCheck.MissingPaths(Tree, readme).ToList();
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Theory]
    [MemberData(nameof(ReadmesWithALayout))]
    public void Layout_EveryFolder_IsListed(string readme)
    {
        var unlisted = LayoutCheck.UnlistedFolders(Tree, readme).ToList();
        Assert.True(unlisted.Count == 0, string.Join("\n", unlisted));
    }

    /// <summary>A README whose table loses its "folder"/"file" heading would silently drop out of the checks above.</summary>
    [Fact]
    public void Readmes_WithALayout_IncludeEveryOneKnownToHaveOne()
    {
        string[] known =
        [
            "README.md", "bench/Lockers.Bench/README.md", "broker/README.md", "firmware/Lockers.Core/README.md",
            "firmware/Lockers.Firmware/README.md", "firmware/Lockers.Simulator/README.md", "gateway/Lockers.Gateway/README.md",
            "gateway/Lockers.Mqtt/README.md", "hardware/README.md", "tests/Lockers.Repository.Tests/README.md",
            "tests/Lockers.Testing/README.md", "tools/Lockers.Demo/README.md",
        ];

        Assert.Empty(known.Except(Readmes()));
    }

    private static IEnumerable<string> Readmes() =>
        Tree.FilesNamed("README.md").Where(r => ReadmeLayout.Parse(Tree.ReadAllText(r)).Count > 0).Order(StringComparer.Ordinal);
}
