using Iot.Device.Mcp23xxx;
using Lockers.Controller.Linux.Tests.Simulation;

namespace Lockers.Controller.Linux.Tests.Simulation;

/// <summary>The simulated MCP23017 behaves as the datasheet says, and Iot.Device.Mcp23xxx drives it as it drives the chip.</summary>
public sealed class SimulatedMcp23017Tests
{
    private readonly SimulatedMcp23017 _chip = new(bus: 1, address: 0x20);

    [Fact]
    public void PowerOn_EveryPinAnInput_OtherRegistersZero()
    {
        Assert.Equal(0xFF, _chip.Peek(SimulatedMcp23017.Iodir));
        Assert.Equal(0xFF, _chip.Peek(SimulatedMcp23017.Iodir + 1));
        Assert.Equal(0, _chip.Peek(SimulatedMcp23017.Olat));
        Assert.Equal(0, _chip.Peek(SimulatedMcp23017.Iocon));
        Assert.Equal(0, _chip.OutputsHigh);
    }

    [Fact]
    public void SequentialWrite_PointerMovesFromAToB_AndWrapsAfterOlatB()
    {
        _chip.Write(new byte[] { SimulatedMcp23017.Olat, 0x12, 0x34, 0x56 });

        Assert.Equal(0x12, _chip.Peek(SimulatedMcp23017.Olat));
        Assert.Equal(0x34, _chip.Peek(SimulatedMcp23017.Olat + 1));
        Assert.Equal(0x56, _chip.Peek(SimulatedMcp23017.Iodir)); // wrapped to 0x00
    }

    [Fact]
    public void ByteMode_PointerTogglesWithinThePair()
    {
        _chip.Write(new byte[] { SimulatedMcp23017.Iocon, 0x20 }); // SEQOP = 1
        _chip.Write(new byte[] { SimulatedMcp23017.Gppu, 0x0F, 0xF0, 0xAA });

        Assert.Equal(0xAA, _chip.Peek(SimulatedMcp23017.Gppu)); // A, B, then A again
        Assert.Equal(0xF0, _chip.Peek(SimulatedMcp23017.Gppu + 1));
    }

    [Fact]
    public void WriteToGpio_ChangesTheLatch_OutputsFollowIodir()
    {
        _chip.Write(new byte[] { SimulatedMcp23017.Gpio, 0x05 });
        Assert.Equal(0x05, _chip.Peek(SimulatedMcp23017.Olat));
        Assert.Equal(0, _chip.OutputsHigh); // still inputs

        _chip.Write(new byte[] { SimulatedMcp23017.Iodir, 0xFE });

        Assert.Equal(0x0001, _chip.OutputsHigh);
    }

    [Fact]
    public void ReadGpio_InputsFromOutsideOrPullUp_OutputsFromLatch_IpolInverts()
    {
        _chip.Write(new byte[] { SimulatedMcp23017.Iodir, 0x0F, 0xFF });  // A0-3 inputs, A4-7 outputs
        _chip.Write(new byte[] { SimulatedMcp23017.Olat, 0x30 });         // A4, A5 latched high
        _chip.Write(new byte[] { SimulatedMcp23017.Gppu, 0x03, 0x01 });   // pull-ups on A0, A1, B0
        _chip.SetInput(1, false);                                          // A1 driven low despite its pull-up
        _chip.SetInput(2, true);                                           // A2 driven high
        _chip.SetInput(9, true);                                           // B1 driven high

        var levels = new byte[2];
        _chip.Write(new byte[] { SimulatedMcp23017.Gpio });
        _chip.Read(levels);

        Assert.Equal(0b0011_0101, levels[0]); // A0 pulled up, A1 low, A2 high, A3 floating low, A4/A5 latch
        Assert.Equal(0b0000_0011, levels[1]); // B0 pulled up, B1 high

        _chip.Write(new byte[] { SimulatedMcp23017.Ipol, 0x01 });
        _chip.Write(new byte[] { SimulatedMcp23017.Gpio });
        _chip.Read(levels.AsSpan(0, 1));
        Assert.Equal(0b0011_0100, levels[0]);
    }

    [Fact]
    public void IoconBank1_IsRefused()
    {
        Assert.Throws<NotSupportedException>(() => _chip.Write(new byte[] { SimulatedMcp23017.Iocon, 0x80 }));
    }

    [Fact]
    public void BindingConstructor_ResetsTheChip_BindingRegisterReadsMatch()
    {
        _chip.Write(new byte[] { SimulatedMcp23017.Iodir, 0x00, 0x00 });        // a chip left with outputs on
        _chip.Write(new byte[] { SimulatedMcp23017.Olat, 0xFF, 0xFF });

        using var binding = new Mcp23017(_chip, shouldDispose: false);

        Assert.Equal(0, _chip.OutputsHigh);
        Assert.Equal(0xFFFF, binding.ReadUInt16(Register.IODIR));
        binding.WriteUInt16(Register.GPPU, 0xA55A);
        Assert.Equal(0x5A, binding.ReadByte(Register.GPPU, Port.PortA));
        Assert.Equal(0xA5, binding.ReadByte(Register.GPPU, Port.PortB));
    }
}
