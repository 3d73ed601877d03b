using System.Device.I2c;

namespace Lockers.Controller.Linux.Tests.Simulation;

/// <summary>
/// An MCP23017 at the I2C level, so Iot.Device.Mcp23xxx's own code runs against it: the register map of
/// Microchip's datasheet (DS20001952) in IOCON.BANK = 0 (the reset state: A and B registers interleaved,
/// IODIRA = 0x00 ... OLATB = 0x15), the register pointer set by a write's first byte, sequential addressing
/// (IOCON.SEQOP = 0: the pointer moves on after every byte and wraps after OLATB) or byte mode (SEQOP = 1: it
/// toggles between the A and B register of the pair). A write to GPIO goes to OLAT; a read of GPIO returns the
/// pins (the latch for outputs, the outside level for inputs, pulled up by GPPU, inverted by IPOL). BANK = 1 is
/// refused: nothing in this project uses it. INTF and INTCAP read 0 (interrupts are not simulated).
/// </summary>
public sealed class SimulatedMcp23017 : I2cDevice
{
    /// <summary>Register addresses in bank 0 (port A; port B is one higher).</summary>
    public const byte Iodir = 0x00, Ipol = 0x02, Gpinten = 0x04, Iocon = 0x0A, Gppu = 0x0C, Intf = 0x0E, Intcap = 0x10, Gpio = 0x12, Olat = 0x14;

    private const int RegisterCount = 0x16;
    private const byte SeqopBit = 0x20, BankBit = 0x80;

    private readonly object _sync = new();
    private readonly object _eventGate = new();
    private readonly byte[] _registers = new byte[RegisterCount];
    private readonly List<(byte Register, byte Value)> _writes = new();
    private ushort _outside;   // levels driven onto input pins from outside (a reed switch), bit 0 = GPA0
    private ushort _driven;    // which input pins something outside drives; the rest float (pull-up or 0)
    private int _pointer;
    private ushort _lastOutputs;

    /// <summary>A chip at <paramref name="address"/> on <paramref name="bus"/>, in its power-on state.</summary>
    public SimulatedMcp23017(int bus, int address)
    {
        ConnectionSettings = new I2cConnectionSettings(bus, address);
        PowerOn();
    }

    /// <inheritdoc />
    public override I2cConnectionSettings ConnectionSettings { get; }

    /// <summary>Raised (under no lock) when the pins driven High change: bit n = GPA0..GPB7 is an output at High.</summary>
    public event Action<ushort>? OutputsChanged;

    /// <summary>Pins that are outputs and latched High: what the lock drivers see.</summary>
    public ushort OutputsHigh
    {
        get
        {
            lock (_sync)
            {
                return ComputeOutputs();
            }
        }
    }

    /// <summary>Every register write so far, in order (register address, value).</summary>
    public IReadOnlyList<(byte Register, byte Value)> Writes
    {
        get
        {
            lock (_sync)
            {
                return _writes.ToList();
            }
        }
    }

    /// <summary>Bus transactions so far (each Write or Read call on the device).</summary>
    public int Transactions { get; private set; }

    /// <summary>Reads a register as the chip holds it (no pointer movement), for assertions.</summary>
    public byte Peek(byte register)
    {
        lock (_sync)
        {
            return _registers[register];
        }
    }

    /// <summary>The power-on reset: IODIR all inputs, everything else 0, pointer at 0.</summary>
    public void PowerOn()
    {
        lock (_sync)
        {
            Array.Clear(_registers);
            _registers[Iodir] = 0xFF;
            _registers[Iodir + 1] = 0xFF;
            _pointer = 0;
        }

        RaiseIfOutputsChanged();
    }

    /// <summary>Drives input pin <paramref name="line"/> (0..15) from outside, or lets it float (null).</summary>
    public void SetInput(int line, bool? high)
    {
        lock (_sync)
        {
            ushort bit = (ushort)(1 << line);
            _driven = high is null ? (ushort)(_driven & ~bit) : (ushort)(_driven | bit);
            _outside = high == true ? (ushort)(_outside | bit) : (ushort)(_outside & ~bit);
        }
    }

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_sync)
        {
            Transactions++;
            if (buffer.Length == 0)
            {
                return; // address only: the chip acknowledges, nothing changes
            }

            _pointer = CheckAddress(buffer[0]);
            for (int i = 1; i < buffer.Length; i++)
            {
                WriteRegister(_pointer, buffer[i]);
                Advance();
            }
        }

        RaiseIfOutputsChanged();
    }

    /// <inheritdoc />
    public override void Read(Span<byte> buffer)
    {
        lock (_sync)
        {
            Transactions++;
            for (int i = 0; i < buffer.Length; i++)
            {
                buffer[i] = ReadRegister(_pointer);
                Advance();
            }
        }
    }

    /// <inheritdoc />
    public override void WriteRead(ReadOnlySpan<byte> writeBuffer, Span<byte> readBuffer)
    {
        Write(writeBuffer);
        Read(readBuffer);
    }

    private static int CheckAddress(byte address) =>
        address < RegisterCount ? address : throw new IOException($"MCP23017: register address 0x{address:X2} does not exist in bank 0");

    private void WriteRegister(int address, byte value)
    {
        _writes.Add(((byte)address, value));
        int register = address & ~1;
        switch (register)
        {
            case Iocon:
                if ((value & BankBit) != 0)
                {
                    throw new NotSupportedException("MCP23017 simulation: IOCON.BANK = 1 is not simulated");
                }

                // IOCONA and IOCONB are one register.
                _registers[Iocon] = value;
                _registers[Iocon + 1] = value;
                return;
            case Gpio:
                // A write to GPIO modifies the output latch.
                _registers[Olat + (address & 1)] = value;
                return;
            case Intf:
            case Intcap:
                return; // read-only
            default:
                _registers[address] = value;
                return;
        }
    }

    private byte ReadRegister(int address)
    {
        if ((address & ~1) != Gpio)
        {
            return _registers[address];
        }

        int shift = (address & 1) * 8;
        int inputs = _registers[Iodir + (address & 1)];
        int latch = _registers[Olat + (address & 1)];
        int pullUps = _registers[Gppu + (address & 1)];
        int driven = (_driven >> shift) & 0xFF;
        int outside = (_outside >> shift) & 0xFF;
        int pins = (driven & outside) | (~driven & pullUps);
        int value = (inputs & (pins ^ _registers[Ipol + (address & 1)])) | (~inputs & latch);
        return (byte)value;
    }

    private void Advance()
    {
        if ((_registers[Iocon] & SeqopBit) != 0)
        {
            _pointer ^= 1; // byte mode, bank 0: toggles within the A/B pair
        }
        else
        {
            _pointer = (_pointer + 1) % RegisterCount;
        }
    }

    private ushort ComputeOutputs()
    {
        int outputs = ~(_registers[Iodir] | (_registers[Iodir + 1] << 8)) & 0xFFFF;
        int latch = _registers[Olat] | (_registers[Olat + 1] << 8);
        return (ushort)(outputs & latch);
    }

    // Changes are raised in order (one gate), but outside the register lock, so a handler may drive the chip's
    // inputs or another simulated chip without a lock cycle.
    private void RaiseIfOutputsChanged()
    {
        lock (_eventGate)
        {
            ushort now;
            lock (_sync)
            {
                now = ComputeOutputs();
                if (now == _lastOutputs)
                {
                    return;
                }

                _lastOutputs = now;
            }

            OutputsChanged?.Invoke(now);
        }
    }
}
