using Lockers.BoardTool.Cli;

namespace Lockers.Hardware.Tests;

/// <summary>What ./lockers board prints and returns.</summary>
public class BoardToolCliTests
{
    [Fact]
    public void Validate_NoArguments_ChecksEveryBoardAndSucceeds()
    {
        var stdout = new StringWriter();
        Assert.Equal(0, BoardToolCli.Run(["validate"], stdout, TextWriter.Null));
        Assert.Contains("lockers-ref-32.json", stdout.ToString());
        Assert.Contains("devkit-4.json", stdout.ToString());
        // Every board file in hardware/boards, however many there are.
        var boards = Directory.GetFiles(Path.GetDirectoryName(TestRepository.BoardPath("devkit-4.json"))!, "*.json")
            .Count(path => !path.EndsWith(".schema.json", StringComparison.Ordinal));
        Assert.Contains($"{boards} board file(s) valid", stdout.ToString());
    }

    [Fact]
    public void Validate_BadBoard_PrintsEachProblemWithPath_AndExitsOne()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"lockers-bad-{Guid.NewGuid():N}.json");
        var json = File.ReadAllText(TestRepository.BoardPath("devkit-4.json")).Replace("\"statusLed\": 21", "\"statusLed\": 7");
        File.WriteAllText(bad, json);
        try
        {
            var stdout = new StringWriter();
            Assert.Equal(1, BoardToolCli.Run(["validate", bad], stdout, TextWriter.Null));
            Assert.Contains("statusLed: GPIO7 is a flash pin", stdout.ToString());
            Assert.Contains("1 of 1 board file(s) invalid", stdout.ToString());
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Fact]
    public void Diagram_BadBoard_IsNotDrawn()
    {
        var bad = Path.Combine(Path.GetTempPath(), $"lockers-bad-{Guid.NewGuid():N}.json");
        var output = Path.ChangeExtension(bad, ".svg");
        File.WriteAllText(bad, File.ReadAllText(TestRepository.BoardPath("devkit-4.json")).Replace("\"gpio\": 18", "\"gpio\": 4"));
        try
        {
            var stderr = new StringWriter();
            Assert.Equal(1, BoardToolCli.Run(["diagram", bad, "-o", output], TextWriter.Null, stderr));
            Assert.Contains("not drawn", stderr.ToString());
            Assert.False(File.Exists(output));
        }
        finally
        {
            File.Delete(bad);
        }
    }

    [Theory]
    [InlineData()]
    [InlineData("frobnicate")]
    [InlineData("diagram")]
    public void UnknownOrIncompleteCommand_PrintsUsage_AndExitsTwo(params string[] args)
    {
        var stderr = new StringWriter();
        Assert.Equal(2, BoardToolCli.Run(args, TextWriter.Null, stderr));
        Assert.Contains("usage: ./lockers board", stderr.ToString());
    }
}
