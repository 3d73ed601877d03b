using System.Device.Gpio;
using System.Device.I2c;
using System.Text;
using Lockers.Controller.Linux.Hardware;
using Lockers.Core.Board;
using Lockers.Testing;

namespace Lockers.Controller.Linux.Tests.Simulation;

/// <summary>
/// A whole controller board at bus level, wired as a board file says: a <see cref="SimulatedGpioDriver"/> for
/// the Pi's pins, one <see cref="SimulatedMcp23017"/> per expander, the scanner's serial line, and the cabinet:
/// a lock output going High springs its door open (unless jammed), the door's reed switch then reads the board's
/// openLevel; only a person closes a door. It records what the safety rules care about.
/// </summary>
public sealed class SimulatedBoard : IBoardBuses
{
    private static readonly TimeSpan ScanTimeout = TimeSpan.FromSeconds(10);

    private readonly object _sync = new();
    private readonly BoardDefinition _board;
    private readonly Dictionary<int, SimulatedMcp23017> _chipsByAddress = new();
    private readonly Dictionary<string, SimulatedMcp23017> _chipsById = new();
    private readonly Dictionary<int, bool> _open = new();
    private readonly Dictionary<int, bool> _jammed = new();
    private readonly Dictionary<int, int> _pulses = new();
    private readonly HashSet<int> _energised = new();

    /// <summary>Everything powered on, every door closed.</summary>
    public SimulatedBoard(BoardDefinition board)
    {
        _board = board;
        Driver = new SimulatedGpioDriver();
        Gpio = new GpioController(Driver);
        foreach (var expander in board.Expanders)
        {
            var chip = new SimulatedMcp23017(board.I2c!.Bus, expander.Address);
            _chipsByAddress[expander.Address] = chip;
            _chipsById[expander.Id] = chip;
            chip.OutputsChanged += _ => LocksChanged();
        }

        Driver.OutputChanged += (_, _) => LocksChanged();
        foreach (var compartment in board.Compartments)
        {
            _open[compartment.Number] = false;
            _jammed[compartment.Number] = false;
            _pulses[compartment.Number] = 0;
            SetSensor(compartment, open: false);
        }
    }

    /// <summary>The Pi's GPIO chip.</summary>
    public SimulatedGpioDriver Driver { get; }

    /// <inheritdoc />
    public GpioController Gpio { get; }

    /// <summary>The scanner's line (null until the driver opened it).</summary>
    public SimulatedSerialLine? Scanner { get; private set; }

    /// <summary>The device path the driver opened the scanner on.</summary>
    public string? ScannerDevice { get; private set; }

    /// <summary>The largest number of locks ever energised at the same moment.</summary>
    public int MaxSimultaneous { get; private set; }

    /// <summary>The expander with board id <paramref name="id"/>.</summary>
    public SimulatedMcp23017 Chip(string id) => _chipsById[id];

    /// <summary>Whether door <paramref name="compartment"/> stands open.</summary>
    public bool IsOpen(int compartment)
    {
        lock (_sync)
        {
            return _open[compartment];
        }
    }

    /// <summary>How often door <paramref name="compartment"/>'s lock was energised.</summary>
    public int PulseCount(int compartment)
    {
        lock (_sync)
        {
            return _pulses[compartment];
        }
    }

    /// <summary>Compartments whose lock output is energised now.</summary>
    public int[] Energised()
    {
        lock (_sync)
        {
            return _energised.Order().ToArray();
        }
    }

    /// <summary>A person shuts the door.</summary>
    public void Close(int compartment) => SetDoor(compartment, open: false);

    /// <summary>A person pries the door open without a pulse.</summary>
    public void Force(int compartment) => SetDoor(compartment, open: true);

    /// <summary>Jams the door: pulses no longer open it.</summary>
    public void Jam(int compartment, bool jammed = true)
    {
        lock (_sync)
        {
            _jammed[compartment] = jammed;
        }
    }

    /// <summary>
    /// Presses and releases each key in turn, through the keypad matrix: the contact closes until a scan has
    /// read it down, then opens until a scan has read it up. Waits on those scans, never on time.
    /// </summary>
    public async Task TypeAsync(string keys)
    {
        var keypad = _board.Keypad ?? throw new InvalidOperationException("the board has no keypad");
        foreach (char key in keys)
        {
            int index = keypad.Keys.IndexOf(key);
            if (index < 0)
            {
                throw new ArgumentException($"no key '{key}' on the keypad", nameof(keys));
            }

            int output = keypad.Outputs[index / keypad.Inputs.Length];
            int input = keypad.Inputs[index % keypad.Inputs.Length];
            long down = Driver.Scans(output, input, closed: true);
            Driver.SetContact(output, input, closed: true);
            await Wait.UntilAsync(() => Driver.Scans(output, input, closed: true) > down, ScanTimeout, $"a keypad scan to see '{key}' down");
            long up = Driver.Scans(output, input, closed: false);
            Driver.SetContact(output, input, closed: false);
            await Wait.UntilAsync(() => Driver.Scans(output, input, closed: false) > up, ScanTimeout, $"a keypad scan to see '{key}' up");
        }
    }

    /// <summary>A code in front of the scanner: its bytes and CR on the serial line.</summary>
    public void Scan(string code) =>
        (Scanner ?? throw new InvalidOperationException("the scanner's line is not open")).Send(Encoding.ASCII.GetBytes(code + "\r"));

    /// <inheritdoc />
    public I2cDevice OpenI2c(int bus, int address)
    {
        if (!_chipsByAddress.TryGetValue(address, out var chip) || chip.ConnectionSettings.BusId != bus)
        {
            throw new IOException($"no device answers at 0x{address:X2} on I2C bus {bus}");
        }

        return chip;
    }

    /// <inheritdoc />
    public Stream OpenSerial(string device, int baud)
    {
        ScannerDevice = device;
        Scanner = new SimulatedSerialLine();
        return Scanner;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Scanner?.Dispose();
        Gpio.Dispose();
    }

    private void LocksChanged()
    {
        var opened = new List<CompartmentDefinition>();
        lock (_sync)
        {
            foreach (var compartment in _board.Compartments)
            {
                bool on = IsEnergised(compartment.Lock);
                int number = compartment.Number;
                if (on && _energised.Add(number))
                {
                    _pulses[number]++;
                    if (!_jammed[number] && !_open[number])
                    {
                        opened.Add(compartment);
                    }
                }
                else if (!on)
                {
                    _energised.Remove(number);
                }
            }

            MaxSimultaneous = Math.Max(MaxSimultaneous, _energised.Count);
        }

        foreach (var compartment in opened)
        {
            SetDoor(compartment.Number, open: true);
        }
    }

    private bool IsEnergised(LineRef line) =>
        line.IsGpio
            ? Driver.IsHigh(line.Gpio)
            : (_chipsById[line.Expander].OutputsHigh & (1 << ((line.Port == 'B' ? 8 : 0) + line.Bit))) != 0;

    private void SetDoor(int compartment, bool open)
    {
        lock (_sync)
        {
            _open[compartment] = open;
        }

        SetSensor(_board.FindCompartment(compartment)!, open);
    }

    // The reed switch reads the board's openLevel while the door is open, the other level while it is shut.
    private void SetSensor(CompartmentDefinition compartment, bool open)
    {
        bool high = open == compartment.SensorOpenHigh;
        var line = compartment.Sensor;
        if (line.IsGpio)
        {
            Driver.SetOutside(line.Gpio, high);
        }
        else
        {
            _chipsById[line.Expander].SetInput((line.Port == 'B' ? 8 : 0) + line.Bit, high);
        }
    }
}
