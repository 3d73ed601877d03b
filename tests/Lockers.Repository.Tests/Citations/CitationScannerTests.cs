namespace Lockers.Repository.Tests.Citations;

/// <summary>The citation scanner on planted files: each kind of bad citation is reported with file and line, and
/// the things that only look like paths (topics, MIME types, commands' example files) are left alone.</summary>
public sealed class CitationScannerTests : IDisposable
{
    private readonly TempTree _temp = new TempTree()
        .With(".gitignore", "bin/\nfirmware/packages/\n")
        .With("lockers", "#!/bin/sh\n")
        .With("docs/guide.md", "# Guide\n\n## The part\n")
        .With("docs/adr/0001-x.md", "# One\n")
        .With("app/README.md", "# App\n")
        .With("app/Store/Sqlite/Migrations.cs", "namespace X;\n")
        .With("app/Link/Sender.cs", "namespace X;\n");

    public void Dispose() => _temp.Dispose();

    [Theory]
    [InlineData("docs/guide.md", "see [the guide](guide.md) and [adr](adr/) and [a part](guide.md#the-part) and [top](#guide)")]
    [InlineData("app/README.md", "`Store/Sqlite/Migrations.cs`, `Link/Sender`, `Store/`, `docs/adr/0001-x.md`, [guide](../docs/guide.md)")]
    [InlineData("app/README.md", "topics `lockers/v1/<id>/cmd`, `text/plain`, `S/M/L/XL`, `/health`, `/usr/sbin/mosquitto`, `I:\\lockers`")]
    [InlineData("app/README.md", "files made at run time: `bin/Release/x.dll`, `locker.json`, and `docs/adr/<n>-<title>.md`")]
    [InlineData("app/README.md", "[web](https://example.org/a/b.md) and `https://example.org/DESIGN.md`")]
    [InlineData("docs/adr/0001-x.md", "run `./lockers test` (from the root); see docs/adr/0001 and `firmware/packages` (restored, ignored)")]
    public void Markdown_CitationsThatResolve_AreNotReported(string file, string text) =>
        Assert.Empty(Scan(file, text));

    [Theory]
    [InlineData("docs/guide.md", "x\n\nsee [old](gone.md)", "docs/guide.md:3: links to `gone.md`, but docs/gone.md does not exist")]
    [InlineData("docs/guide.md", "[out](../../x.md)", "docs/guide.md:1: links to `../../x.md`, which climbs out of the repository")]
    [InlineData("docs/guide.md", "[part](#no-such-part)", "docs/guide.md:1: links to `#no-such-part`, but docs/guide.md has no heading with the anchor #no-such-part")]
    [InlineData("app/README.md", "as the brief says (DESIGN.md)", "app/README.md:1: cites `DESIGN.md`, but no file of the repository has that name")]
    [InlineData("app/README.md", "checked against `shared/api.md`", "app/README.md:1: cites `shared/api.md`: the shared/ folder is beside the repository, not in it")]
    [InlineData("app/README.md", "see `../../shared/api.md`", "app/README.md:1: cites `../../shared/api.md`, which climbs out of the repository")]
    [InlineData("app/README.md", "source: /work/shared/api.md", "app/README.md:1: cites `/work/shared/api.md`: the shared/ folder is beside the repository, not in it")]
    [InlineData("app/README.md", "in `docs/adr/0002-y.md`", "app/README.md:1: cites `docs/adr/0002-y.md`, but it does not exist (looked for docs/adr/0002-y.md)")]
    [InlineData("app/README.md", "in `Store/Old.cs`", "app/README.md:1: cites `Store/Old.cs`, but it does not exist (looked for app/Store/Old.cs)")]
    public void Markdown_CitationThatResolvesToNothing_IsReportedWithFileAndLine(string file, string text, string expected) =>
        Assert.Equal([expected], Scan(file, text));

    [Fact]
    public void Markdown_FencedBlock_HoldsRootPathsOnly()
    {
        var text = "```sh\n./lockers board diagram boards/x.json -o /tmp/x.svg\n\"board\": \"../../../hw/b.json\"\ncat docs/missing.md\n```\n";

        Assert.Equal(["app/README.md:4: cites `docs/missing.md`, but it does not exist (looked for docs/missing.md)"], Scan("app/README.md", text));
    }

    [Fact]
    public void CSharp_OnlyCommentsAreRead()
    {
        var text = "namespace X;\n// See docs/gone.md and Store/Sqlite/Migrations.cs.\nvar path = \"docs/gone.md\"; // fine: a string\n/// <summary>Per <c>docs/adr/0009-z.md</c>.</summary>\n";

        Assert.Equal(
            [
                "app/Link/Sender.cs:2: cites `docs/gone.md`, but it does not exist (looked for docs/gone.md)",
                "app/Link/Sender.cs:4: cites `docs/adr/0009-z.md`, but it does not exist (looked for docs/adr/0009-z.md)",
            ],
            Scan("app/Link/Sender.cs", text));
    }

    [Fact]
    public void OtherTextFiles_AreReadWhole()
    {
        Assert.Equal(["app/packages.config:1: cites `api.md`, but no file of the repository has that name"],
            Scan("app/packages.config", "<!-- Versions as in api.md section 4. -->"));
    }

    [Theory]
    [InlineData("var url = \"http://x\"; // comment with docs/guide.md", "comment with docs/guide.md")]
    [InlineData("var s = \"a // b\";", "")]
    [InlineData("x = 1; /* docs/a.md */ y = 2;", "docs/a.md")]
    public void CommentText_FindsCommentsOutsideStrings(string line, string expected)
    {
        bool inBlock = false;
        Assert.Equal(expected, CitationScanner.CommentText(line, ref inBlock).Trim());
    }

    private List<string> Scan(string file, string text) =>
        new CitationScanner(_temp.Tree()).Scan(file, text).Select(f => f.ToString()).ToList();
}
