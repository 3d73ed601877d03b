using Lockers.BoardTool.Model;

namespace Lockers.Hardware.Tests;

/// <summary>Every committed board file passes the schema and every rule.</summary>
public class BoardFileTests
{
    public static TheoryData<string> Boards => TestRepository.BoardNames();

    [Fact]
    public void BoardsFolder_HoldsBothReferenceBoards_AndSkipsTheSchema()
    {
        var names = TestRepository.Layout.BoardFiles().Select(Path.GetFileName).ToList();
        Assert.Contains("lockers-ref-32.json", names);
        Assert.Contains("devkit-4.json", names);
        Assert.DoesNotContain("board.schema.json", names);
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void BoardFile_AsCommitted_HasNoProblems(string name)
    {
        var problems = TestRepository.Validator.Validate(File.ReadAllText(TestRepository.BoardPath(name)));
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [MemberData(nameof(Boards))]
    public void BoardFile_NameField_MatchesFileName(string name)
    {
        var board = BoardReader.Read(File.ReadAllText(TestRepository.BoardPath(name)));
        Assert.Equal(Path.GetFileNameWithoutExtension(name), board.Board);
    }

    [Fact]
    public void ReferenceBoard_Drives32Compartments_ThroughFourExpanders()
    {
        var board = BoardReader.Read(File.ReadAllText(TestRepository.BoardPath("lockers-ref-32.json")));
        Assert.Equal(32, board.Compartments!.Count);
        Assert.Equal([0x20, 0x21, 0x22, 0x23], board.Expanders!.Select(e => e.Address!.Value));
        Assert.All(board.Compartments, c => Assert.True(c.Lock!.IsExpanderLine && c.Sensor!.IsExpanderLine));
        Assert.Equal(["L", "M", "S", "XL"], board.Compartments.Select(c => c.Size!).Distinct().Order());
        Assert.Contains(board.Compartments, c => c.Accessible == true);
        Assert.Equal("COM2", board.Scanner!.Uart);
    }

    [Fact]
    public void DevKitBoard_WiresEveryCompartment_StraightToGpio()
    {
        var board = BoardReader.Read(File.ReadAllText(TestRepository.BoardPath("devkit-4.json")));
        Assert.Equal(4, board.Compartments!.Count);
        Assert.Null(board.Expanders);
        Assert.All(board.Compartments, c => Assert.True(c.Lock!.Gpio is not null && c.Sensor!.Gpio is not null));
    }
}
