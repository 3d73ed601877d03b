using Iot.Device.Mcp23xxx;
using Lockers.Controller.Linux.Hardware;
using Lockers.Controller.Linux.Locks;
using Lockers.Controller.Linux.Tests.Simulation;

namespace Lockers.Controller.Linux.Tests.Locks;

/// <summary>Lock outputs on an MCP23017, through the binding, against the simulated chip.</summary>
public sealed class Mcp23017SolenoidGroupTests
{
    private readonly SimulatedMcp23017 _chip = new(bus: 1, address: 0x21);
    private readonly List<ushort> _outputs = new();

    public Mcp23017SolenoidGroupTests() => _chip.OutputsChanged += outputs => { lock (_outputs) _outputs.Add(outputs); };

    [Fact]
    public void Enable_ChipLeftWithLatchesHigh_LatchWrittenLowBeforeIodir_NoLockEverOn()
    {
        // A controller restart without an expander reset: the latch still holds a pulse.
        _chip.Write(new byte[] { SimulatedMcp23017.Olat, 0xFF, 0xFF });
        var group = Group(out _, (1, 0), (2, 7), (3, 8));

        group.Enable();

        Assert.Empty(_outputs);
        var writes = _chip.Writes;
        int lastLatch = writes.ToList().FindLastIndex(w => w.Register is SimulatedMcp23017.Olat or SimulatedMcp23017.Olat + 1);
        int firstDirection = writes.ToList().FindLastIndex(w => w.Register == SimulatedMcp23017.Iodir);
        Assert.True(lastLatch < firstDirection, "the latches must be low before the bits become outputs");
        Assert.Equal(0b0111_1110, _chip.Peek(SimulatedMcp23017.Iodir));     // A0, A7 outputs
        Assert.Equal(0b1111_1110, _chip.Peek(SimulatedMcp23017.Iodir + 1)); // B0 output
    }

    [Fact]
    public void SetEnergised_DrivesOnlyItsBit_AndReleasesIt()
    {
        var group = Group(out _, (1, 0), (2, 7), (3, 8));
        group.Enable();

        group.SetEnergised(2, true);
        Assert.Equal(0x0080, _chip.OutputsHigh);
        group.SetEnergised(3, true);
        Assert.Equal(0x0180, _chip.OutputsHigh);
        group.SetEnergised(2, false);
        Assert.Equal(0x0100, _chip.OutputsHigh);
        group.AllOff();

        Assert.Equal(0, _chip.OutputsHigh);
    }

    [Fact]
    public void SetEnergised_UnknownCompartment_DrivesNothing()
    {
        var group = Group(out _, (1, 0));
        group.Enable();

        group.SetEnergised(9, true);

        Assert.Equal(0, _chip.OutputsHigh);
    }

    private Mcp23017SolenoidGroup Group(out Mcp23017Chip chip, params (int Compartment, int Line)[] lines)
    {
        chip = new Mcp23017Chip("U3", new Mcp23017(_chip, shouldDispose: false));
        var group = new Mcp23017SolenoidGroup(chip);
        foreach (var (compartment, line) in lines)
        {
            group.Add(compartment, line);
        }

        return group;
    }
}
