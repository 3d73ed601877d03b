using Lockers.BoardTool.Cli;

namespace Lockers.Hardware.Tests;

/// <summary>The committed SVGs are exactly what the tool draws from the committed board files.</summary>
public class WiringDiagramTests
{
    public static TheoryData<string> Boards => TestRepository.BoardNames();

    [Theory]
    [MemberData(nameof(Boards))]
    public void CommittedDiagram_MatchesBoardFile_NoDrift(string name)
    {
        var layout = TestRepository.Layout;
        var boardPath = TestRepository.BoardPath(name);
        var diagramPath = layout.DiagramPathFor(boardPath);
        Assert.True(File.Exists(diagramPath), $"{diagramPath} is missing: run ./lockers board diagram --all");
        var expected = DiagramCommand.Render(layout, boardPath);
        Assert.True(expected == File.ReadAllText(diagramPath),
            $"{Path.GetFileName(diagramPath)} is out of date with {name}: run ./lockers board diagram --all and commit the result");
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void Diagram_DrawnTwice_IsIdentical(string name)
    {
        var boardPath = TestRepository.BoardPath(name);
        Assert.Equal(DiagramCommand.Render(TestRepository.Layout, boardPath), DiagramCommand.Render(TestRepository.Layout, boardPath));
    }

    [Fact]
    public void ReferenceDiagram_LabelsEveryCompartmentLine_WithExpanderPortAndBit()
    {
        var svg = DiagramCommand.Render(TestRepository.Layout, TestRepository.BoardPath("lockers-ref-32.json"));
        for (var n = 1; n <= 32; n++)
        {
            Assert.Contains($">C{n} lock -&gt;", svg);
            Assert.Contains($">C{n} door &lt;-", svg);
        }
        Assert.Contains("U2 MCP23017 @ 0x20", svg);
        Assert.Contains("GPIO21 SDA", svg);
        Assert.Contains("QR/barcode scanner on COM2", svg);
    }

    [Fact]
    public void DiagramCommand_WithOutputOption_WritesTheSameBytes()
    {
        var output = Path.Combine(Path.GetTempPath(), $"lockers-diagram-{Guid.NewGuid():N}.svg");
        var boardPath = TestRepository.BoardPath("devkit-4.json");
        try
        {
            var exit = BoardToolCli.Run(["diagram", boardPath, "-o", output], TextWriter.Null, TextWriter.Null);
            Assert.Equal(0, exit);
            Assert.Equal(DiagramCommand.Render(TestRepository.Layout, boardPath), File.ReadAllText(output));
        }
        finally
        {
            File.Delete(output);
        }
    }
}
