namespace Lockers.Repository.Tests.Layout;

/// <summary>The layout check on planted READMEs: what it reports, and what it must leave alone.</summary>
public sealed class LayoutCheckTests : IDisposable
{
    private readonly TempTree _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void TreeBlock_FolderNotListed_IsReportedWithReadmeAndFolder()
    {
        _temp.With("README.md", "# X\n\n## Layout\n\n```\nsrc/   code\ndocs/  docs\n```\n")
            .With("src/a.cs").With("docs/a.md").With("tools/t.cs");

        var unlisted = LayoutCheck.UnlistedFolders(_temp.Tree(), "README.md").ToList();

        Assert.Equal(["README.md: folder tools/ exists but the layout does not list `tools/`"], unlisted);
    }

    [Fact]
    public void TreeBlock_ListedFolderGone_IsReportedWithReadmeLineAndPath()
    {
        _temp.With("README.md", "## Layout\n```\nsrc/   code\nold/   gone\n```\n").With("src/a.cs");

        var missing = LayoutCheck.MissingPaths(_temp.Tree(), "README.md").ToList();

        Assert.Equal(["README.md:4: lists `old/`, but old does not exist"], missing);
    }

    [Fact]
    public void TreeBlock_IndentedLines_AreInsideTheFolderAboveAndMakeItComplete()
    {
        _temp.With("README.md", "## Layout\n```\nfirmware/\n  Core/    brain\ntests/   tests\n```\n")
            .With("firmware/Core/a.cs").With("firmware/Sim/b.cs").With("tests/Deep/x.cs");

        var tree = _temp.Tree();

        Assert.Empty(LayoutCheck.MissingPaths(tree, "README.md"));
        // firmware/ lists its children, so Sim/ is missing there; tests/ lists none, so Deep/ is not required.
        Assert.Equal(["README.md: folder firmware/Sim/ exists but the layout does not list `firmware/Sim/`"], LayoutCheck.UnlistedFolders(tree, "README.md"));
    }

    [Fact]
    public void TreeBlock_DescriptionContinuedOnTheNextLine_IsNotAnEntry()
    {
        _temp.With("README.md", "## Layout\n```\ntests/   xunit projects, and one that\n         holds the docs\nsrc/     code\n```\n")
            .With("tests/A/a.cs").With("src/a.cs");

        var tree = _temp.Tree();

        Assert.Equal(["tests/", "src/"], ReadmeLayout.Parse(tree.ReadAllText("README.md")).Select(e => e.Path));
        Assert.Empty(LayoutCheck.UnlistedFolders(tree, "README.md"));
    }

    [Fact]
    public void Table_FolderColumn_IsReadRelativeToTheReadme()
    {
        _temp.With("app/README.md", "| folder | what |\n|---|---|\n| `Store/` | store |\n| `Link/`, `Gone/` | link |\n")
            .With("app/Store/s.cs").With("app/Link/l.cs").With("app/Staff/s.cs");

        var tree = _temp.Tree();

        Assert.Equal(["app/README.md:4: lists `Gone/`, but app/Gone does not exist"], LayoutCheck.MissingPaths(tree, "app/README.md"));
        Assert.Equal(["app/README.md: folder app/Staff/ exists but the layout does not list `Staff/`"], LayoutCheck.UnlistedFolders(tree, "app/README.md"));
    }

    [Fact]
    public void Table_FileColumn_ListsTheFoldersOfItsFiles()
    {
        _temp.With("README.md", "| file | drives |\n|---|---|\n| `Locks/Gpio.cs`, `Locks/Mcp.cs` | locks |\n| `Program.cs` | - |\n| `diagrams/<board>.svg` | drawn |\n")
            .With("Locks/Gpio.cs").With("Locks/Mcp.cs").With("Program.cs").With("diagrams/devkit.svg");

        var tree = _temp.Tree();

        Assert.Empty(LayoutCheck.MissingPaths(tree, "README.md"));
        Assert.Empty(LayoutCheck.UnlistedFolders(tree, "README.md"));
    }

    [Fact]
    public void Table_PatternMatchingNothing_IsReported()
    {
        _temp.With("README.md", "| file | what |\n|---|---|\n| `diagrams/<board>.svg` | drawn |\n").With("diagrams/devkit.png");

        Assert.Equal(["README.md:3: lists `diagrams/<board>.svg`, but diagrams/<board>.svg does not exist"],
            LayoutCheck.MissingPaths(_temp.Tree(), "README.md"));
    }

    [Fact]
    public void Folders_HiddenIgnoredOrEmpty_AreNotRequired()
    {
        _temp.With(".gitignore", "bin/\n/.data/\n").With("README.md", "| folder | what |\n|---|---|\n| `src/` | code |\n")
            .With("src/a.cs").With(".ci/run").With("bin/x.dll").With(".data/db").WithEmptyFolder("empty");

        Assert.Empty(LayoutCheck.UnlistedFolders(_temp.Tree(), "README.md"));
    }

    [Fact]
    public void Tables_WithoutAFolderOrFileColumn_AreNotALayout()
    {
        _temp.With("README.md", "| class | behaviour |\n|---|---|\n| `Hardware/Door` | doors |\n\n| file on the device | content |\n|---|---|\n| `I:\\x.json` | config |\n")
            .With("src/a.cs");

        Assert.Empty(ReadmeLayout.Parse(File.ReadAllText(Path.Combine(_temp.Root, "README.md"))));
        Assert.Empty(LayoutCheck.UnlistedFolders(_temp.Tree(), "README.md"));
    }
}
