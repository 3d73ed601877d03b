using System.Device.I2c;

namespace Lockers.Controller.Linux.Tests.Simulation;

/// <summary>
/// An MCP23017 at the I2C level, so Iot.Device.Mcp23xxx's own code runs against it. Built on the bindings'
/// <see cref="I2cSimulatedDeviceBase"/> (every bus operation arrives as one <see cref="WriteRead(byte[], byte[])"/>,
/// registers live in its <see cref="I2cSimulatedDeviceBase.RegisterMap"/>), with the register map of Microchip's
/// datasheet (DS20001952) in IOCON.BANK = 0, the reset state: A and B registers interleaved, IODIRA = 0x00 ...
/// OLATB = 0x15. A write's first byte sets the register pointer; the pointer moves on after every byte and wraps
/// after OLATB (sequential mode, IOCON.SEQOP = 0) or toggles between the pair's A and B register (byte mode,
/// SEQOP = 1). A write to GPIO goes to OLAT; a read of GPIO returns the pins: the latch for outputs, the outside
/// level for inputs (pulled up by GPPU when nothing drives them), inverted by IPOL. IOCONA and IOCONB are one
/// register. BANK = 1 is refused: nothing in this project uses it. INTF and INTCAP read 0 (no interrupts).
/// </summary>
public sealed class SimulatedMcp23017 : I2cSimulatedDeviceBase
{
    /// <summary>Register addresses in bank 0 (port A; port B is one higher).</summary>
    public const byte Iodir = 0x00, Ipol = 0x02, Gpinten = 0x04, Iocon = 0x0A, Gppu = 0x0C, Intf = 0x0E, Intcap = 0x10, Gpio = 0x12, Olat = 0x14;

    private const int RegisterCount = 0x16;
    private const byte SeqopBit = 0x20, BankBit = 0x80;

    private readonly object _sync = new();
    private readonly object _eventGate = new();
    private readonly List<(byte Register, byte Value)> _writes = new();
    private byte _iocon;
    private ushort _outside;   // levels driven onto input pins from outside (a reed switch), bit 0 = GPA0
    private ushort _driven;    // which input pins something outside drives; the rest float (pull-up or 0)
    private ushort _lastOutputs;

    /// <summary>A chip at <paramref name="address"/> on <paramref name="bus"/>, in its power-on state.</summary>
    public SimulatedMcp23017(int bus, int address)
        : base(new I2cConnectionSettings(bus, address))
    {
        for (byte address2 = 0; address2 < RegisterCount; address2++)
        {
            RegisterMap[address2] = CreateRegister(address2);
        }

        PowerOn();
    }

    /// <summary>Raised in order, outside the register lock, when the pins driven High change: bit n = GPA0..GPB7 is an output at High.</summary>
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

    /// <summary>Bus transactions so far (each write or read the binding makes).</summary>
    public int Transactions { get; private set; }

    /// <summary>Reads a register as the chip holds it (no pointer movement), for assertions.</summary>
    public byte Peek(byte register)
    {
        lock (_sync)
        {
            return Get(register);
        }
    }

    /// <summary>The power-on reset: IODIR all inputs, everything else 0, pointer at 0.</summary>
    public void PowerOn()
    {
        lock (_sync)
        {
            _iocon = 0;
            foreach (var register in RegisterMap.Values)
            {
                ((Register<byte>)register).Value = 0;
            }

            Set(Iodir, 0xFF);
            Set(Iodir + 1, 0xFF);
            _writes.Clear();
            CurrentRegister = 0;
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

    /// <summary>One bus transaction: <paramref name="inputBuffer"/> (register pointer, then data) is written, then <paramref name="outputBuffer"/> is read.</summary>
    public override void WriteRead(byte[] inputBuffer, byte[] outputBuffer)
    {
        lock (_sync)
        {
            Transactions++;
            if (inputBuffer.Length > 0)
            {
                CurrentRegister = inputBuffer[0] < RegisterCount
                    ? inputBuffer[0]
                    : throw new IOException($"MCP23017: register address 0x{inputBuffer[0]:X2} does not exist in bank 0");
                for (int i = 1; i < inputBuffer.Length; i++)
                {
                    _writes.Add((CurrentRegister, inputBuffer[i]));
                    RegisterMap[CurrentRegister].WriteRegister(inputBuffer[i]);
                    Advance();
                }
            }

            for (int i = 0; i < outputBuffer.Length; i++)
            {
                outputBuffer[i] = (byte)RegisterMap[CurrentRegister].ReadRegister();
                Advance();
            }
        }

        RaiseIfOutputsChanged();
    }

    // Each register is the bindings' Register<byte>; the ones the datasheet gives special behaviour get handlers.
    private Register<byte> CreateRegister(byte address)
    {
        int port = address & 1;
        switch (address & ~1)
        {
            case Iocon:
                return new Register<byte>(0, value =>
                {
                    if ((value & BankBit) != 0)
                    {
                        throw new NotSupportedException("MCP23017 simulation: IOCON.BANK = 1 is not simulated");
                    }

                    _iocon = value;
                    return value;
                }, _ => _iocon);
            case Gpio:
                return new Register<byte>(0, value =>
                {
                    Set(Olat + port, value); // a write to GPIO modifies the output latch
                    return value;
                }, _ => ReadPins(port));
            case Intf:
            case Intcap:
                return new Register<byte>(0, _ => 0, null); // read-only
            default:
                return new Register<byte>(0);
        }
    }

    private byte Get(int address) => (byte)RegisterMap[(byte)address].ReadRegister();

    private void Set(int address, byte value) => RegisterMap[(byte)address].WriteRegister(value);

    private byte ReadPins(int port)
    {
        int shift = port * 8;
        int inputs = Get(Iodir + port);
        int latch = Get(Olat + port);
        int pullUps = Get(Gppu + port);
        int driven = (_driven >> shift) & 0xFF;
        int outside = (_outside >> shift) & 0xFF;
        int pins = (driven & outside) | (~driven & pullUps);
        return (byte)((inputs & (pins ^ Get(Ipol + port))) | (~inputs & latch));
    }

    private void Advance()
    {
        CurrentRegister = (_iocon & SeqopBit) != 0
            ? (byte)(CurrentRegister ^ 1)                      // byte mode, bank 0: toggles within the A/B pair
            : (byte)((CurrentRegister + 1) % RegisterCount);   // sequential: on to the next, wrapping after OLATB
    }

    private ushort ComputeOutputs()
    {
        int outputs = ~(Get(Iodir) | (Get(Iodir + 1) << 8)) & 0xFFFF;
        int latch = Get(Olat) | (Get(Olat + 1) << 8);
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
