using Lockers.Controller.Linux.Hardware;
using Lockers.Controller.Linux.Tests.Simulation;
using Lockers.Controller.Linux.Tests.Support;
using Lockers.Core.Board;
using Lockers.Hosting;
using Lockers.Testing;
using System.Device.Gpio;

namespace Lockers.Controller.Linux.Tests.Hosting;

/// <summary>Building the board's ports from pi-10.json: the safe order at start, everything released on dispose and on a failed start.</summary>
public sealed class LinuxBoardHardwareTests
{
    private readonly BoardDefinition _definition = PiBoard.Load();
    private readonly SystemClock _clock = new(new FakeTimeProvider());

    [Fact]
    public void Build_ExpanderLeftWithLocksOn_EveryOutputOffBeforeAnythingElse_NoLockEverOn()
    {
        using var board = new SimulatedBoard(_definition);
        var chip = board.Chip("U2");
        chip.Write(new byte[] { SimulatedMcp23017.Olat, 0xFF, 0x00 }); // a restart without an expander reset:
        chip.Write(new byte[] { SimulatedMcp23017.Iodir, 0x00, 0xFF }); // port A still drives every lock
        var changes = new List<ushort>();
        chip.OutputsChanged += outputs => changes.Add(outputs);

        using var hardware = new LinuxBoardHardware(_definition, board, _clock);

        Assert.Equal(new ushort[] { 0 }, changes); // the only change: everything off (the binding's reset)
        Assert.Equal(0, chip.OutputsHigh);
        Assert.Equal(0x00, chip.Peek(SimulatedMcp23017.Iodir));     // GPA0-7 are the eight locks
        Assert.Equal(0xFF, chip.Peek(SimulatedMcp23017.Iodir + 1));
        Assert.Equal(PinMode.Output, board.Driver.ModeOf(23));
        Assert.Equal(PinMode.InputPullUp, board.Driver.ModeOf(4));
        Assert.Empty(board.Driver.EverHigh.Intersect(new[] { 23, 24, 26 }));
        Assert.Empty(board.Energised());
    }

    [Fact]
    public void Dispose_WhileACoilIsOn_ReleasesIt()
    {
        using var board = new SimulatedBoard(_definition);
        var hardware = new LinuxBoardHardware(_definition, board, _clock);
        hardware.Solenoids.SetEnergised(10, true);
        Assert.Equal(new[] { 10 }, board.Energised());

        hardware.Dispose();

        Assert.Empty(board.Energised());
        Assert.False(board.Driver.IsHigh(24));
    }

    [Fact]
    public void Build_ExpanderDoesNotAnswer_Throws_AndNothingIsLeftDriven()
    {
        var withoutExpander = BoardLoader.Load(File.ReadAllText(PiBoard.Path).Replace("\"address\": 32", "\"address\": 33"));
        using var board = new SimulatedBoard(_definition); // its chip answers at 0x20, the board file says 0x21

        Assert.Throws<IOException>(() => new LinuxBoardHardware(withoutExpander, board, _clock));

        Assert.Empty(board.Driver.EverHigh);
        Assert.Empty(board.Energised());
    }

    [Fact]
    public void Build_Esp32BoardFile_IsRefused()
    {
        var esp32 = BoardLoader.Load(File.ReadAllText(RepositoryRoot.DevKitBoard));
        using var board = new SimulatedBoard(_definition);

        var refused = Assert.Throws<ArgumentException>(() => new LinuxBoardHardware(esp32, board, _clock));
        Assert.Contains("Raspberry Pi", refused.Message);
    }
}
