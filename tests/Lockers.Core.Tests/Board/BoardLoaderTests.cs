using Lockers.Core.Board;
using Lockers.Core.Doors;
using Lockers.Core.Tests.Compatibility;

namespace Lockers.Core.Tests.Board;

public class BoardLoaderTests
{
    [Fact]
    public void MinimalBoard_Loads_OptionalSectionsAbsent()
    {
        var board = BoardLoader.Load(BoardSamples.Minimal);

        Assert.Equal("mini", board.Name);
        Assert.Equal("", board.Description);
        Assert.Null(board.I2c);
        Assert.Null(board.Keypad);
        Assert.Null(board.Scanner);
        Assert.Empty(board.Expanders);
        Assert.Equal(-1, board.StatusLed);
        Assert.Equal(-1, board.Buzzer);
        Assert.Equal(-1, board.Tamper);
        var c = Assert.Single(board.Compartments);
        Assert.False(c.Accessible);
        Assert.False(c.SensorOpenHigh);
        Assert.Equal(19, c.Lock.Gpio);
        Assert.Equal("GPIO34", c.Sensor.ToString());
    }

    [Fact]
    public void FullBoard_LoadsEverySection()
    {
        var board = BoardLoader.Load(BoardSamples.Full);

        Assert.Equal("lockers-ref-32", board.Name);
        Assert.Equal("ESP32-WROOM-32E", board.Mcu);
        Assert.Equal(500, board.Timing.RatedPulseMs);
        Assert.Equal(250, board.Timing.MinGapMs);
        Assert.Equal(3000, board.Timing.OpenConfirmMs);
        Assert.Equal(120, board.Timing.LeftOpenS);
        Assert.Equal(50, board.Timing.DebounceMs);
        Assert.Equal(1, board.I2c!.Bus);
        Assert.Equal(21, board.I2c.Sda);
        Assert.Equal(22, board.I2c.Scl);
        Assert.Equal(100000, board.I2c.SpeedHz);
        Assert.Equal(34, board.FindExpander("U4")!.Address);
        Assert.Equal("sensors", board.FindExpander("U4")!.Role);
        Assert.Equal('#', board.Keypad!.KeyAt(3, 2));
        Assert.Equal('4', board.Keypad.KeyAt(1, 0));
        Assert.Equal("COM2", board.Scanner!.Uart);
        Assert.Equal(9600, board.Scanner.Baud);
        Assert.Equal(4, board.StatusLed);
        Assert.Equal(39, board.Tamper);

        var first = board.FindCompartment(1)!;
        Assert.Equal(CompartmentSize.S, first.Size);
        Assert.True(first.Accessible);
        Assert.False(first.Lock.IsGpio);
        Assert.Equal("U2.A0", first.Lock.ToString());
        Assert.Equal('A', first.Sensor.Port);
        Assert.True(first.SensorOpenHigh);
        Assert.Null(board.FindCompartment(3));
    }

    [Fact]
    public void ThirtyTwoCompartmentBoard_Loads()
    {
        var board = BoardLoader.Load(BoardSamples.ThirtyTwo());

        Assert.Equal(32, board.Compartments.Length);
        Assert.Equal(Enumerable.Range(1, 32), board.CompartmentNumbers);
        Assert.Equal("U5.B7", board.FindCompartment(32)!.Lock.ToString());
        Assert.Equal("U5.B3", board.FindCompartment(32)!.Sensor.ToString());
        Assert.Equal(400000, board.I2c!.SpeedHz);
    }

    [Fact]
    public void LoadedBoard_DrivesADoorController()
    {
        var board = BoardLoader.Load(BoardSamples.ThirtyTwo());
        var timing = DoorTiming.FromBoard(board);

        Assert.Equal(400, timing.RatedPulseMs);
        Assert.Equal(90_000, timing.LeftOpenMs);
        var h = new Doors.DoorHarness(board.CompartmentNumbers, timing);
        Assert.Equal(UnlockResult.Queued, h.Controller.RequestUnlock(32, "x"));
    }

    [Fact]
    public void BoardFilesInRepository_AllLoad()
    {
        var files = Directory.Exists(RepoPaths.BoardsFolder)
            ? Directory.GetFiles(RepoPaths.BoardsFolder, "*.json").Where(f => !f.EndsWith(".schema.json")).ToArray()
            : Array.Empty<string>();
        Assert.NotEmpty(files);

        foreach (var file in files)
        {
            var ex = Record.Exception(() => BoardLoader.Load(File.ReadAllText(file)));
            Assert.True(ex == null, Path.GetFileName(file) + ": " + ex?.Message);
        }
    }

    [Fact]
    public void ReferenceBoardFile_Has32Compartments()
    {
        var file = Path.Combine(RepoPaths.BoardsFolder, "lockers-ref-32.json");
        Assert.True(File.Exists(file), file);

        Assert.Equal(32, BoardLoader.Load(File.ReadAllText(file)).Compartments.Length);
    }

    [Theory]
    [InlineData("S", CompartmentSize.S)]
    [InlineData("M", CompartmentSize.M)]
    [InlineData("L", CompartmentSize.L)]
    [InlineData("XL", CompartmentSize.XL)]
    public void CompartmentSize_RoundTripsThroughText(string text, CompartmentSize size)
    {
        Assert.True(CompartmentSizes.TryParse(text, out var parsed));
        Assert.Equal(size, parsed);
        Assert.Equal(text, CompartmentSizes.ToName(size));
    }

    [Theory]
    [InlineData("s")]
    [InlineData("")]
    [InlineData("XXL")]
    public void CompartmentSize_UnknownText_IsRefused(string text) => Assert.False(CompartmentSizes.TryParse(text, out _));

    [Fact]
    public void ManyProblems_AreAllReportedTogether()
    {
        var json = BoardSamples.FullWith(root =>
        {
            root["solenoid"]!["ratedPulseMs"] = 5000;
            root.Compartment(0)["lock"]!["bit"] = 9;
            root.Compartment(1)["size"] = "XXL";
            root["scanner"]!["uart"] = "COM1";
        });

        var ex = Assert.Throws<BoardException>(() => BoardLoader.Load(json));
        Assert.Equal(
            new[]
            {
                "solenoid.ratedPulseMs: must be 1..2000",
                "scanner.uart: must be COM2 or COM3 (COM1 is the debug port)",
                "compartments[0].lock.bit: must be 0..7",
                "compartments[1].size: must be S, M, L or XL",
            },
            ex.Problems);
        Assert.Contains("4 problems", ex.Message);
        Assert.Contains("compartments[0].lock.bit: must be 0..7", ex.Message);
    }
}
