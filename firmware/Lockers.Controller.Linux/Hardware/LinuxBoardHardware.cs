using Iot.Device.Mcp23xxx;
using Lockers.Controller.Linux.Doors;
using Lockers.Controller.Linux.Feedback;
using Lockers.Controller.Linux.Input;
using Lockers.Controller.Linux.Locks;
using Lockers.Core.Board;
using Lockers.Core.Ports;
using Microsoft.Extensions.Logging;

namespace Lockers.Controller.Linux.Hardware;

/// <summary>
/// Builds every hardware port from the board file, in the safe order: expanders reset first (the Mcp23017
/// constructor makes every pin an input), then every lock output is requested released and the latches written
/// low before any lock bit becomes an output; only then sensors, LED, buzzer, keypad and scanner. When anything
/// fails on the way, what was opened is released again before the error goes up, so the doors stay locked.
/// </summary>
public sealed class LinuxBoardHardware : IDisposable
{
    private readonly List<Mcp23017Chip> _chips = new();
    private KeyMatrixKeypadPort? _keypad;
    private SerialScannerPort? _scanner;
    private GpioFeedbackPort? _feedback;

    /// <summary>Opens every line of <paramref name="board"/> on <paramref name="buses"/>; <paramref name="clock"/> ages expander readings.</summary>
    public LinuxBoardHardware(BoardDefinition board, IBoardBuses buses, IClock clock, ILoggerFactory? logs = null)
    {
        if (!RaspberryPiPins.IsRaspberryPi(board.Mcu))
        {
            throw new ArgumentException(
                $"board '{board.Name}' is for {board.Mcu}; the Linux controller drives Raspberry Pi boards (\"mcu\": \"Raspberry Pi ...\")",
                nameof(board));
        }

        try
        {
            Open(board, buses, clock, logs);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>Every lock output: released at start and on dispose, never two at once.</summary>
    public RoutedSolenoidPort Solenoids { get; } = new();

    /// <summary>Every door sensor.</summary>
    public RoutedDoorSensorPort Doors { get; } = new();

    /// <summary>Status LED and buzzer (pins -1 when the board has none).</summary>
    public GpioFeedbackPort Feedback => _feedback ?? throw new InvalidOperationException("not built");

    /// <summary>The keypad, or a port that never raises when the board has none.</summary>
    public IKeypadPort Keypad => (IKeypadPort?)_keypad ?? new AbsentInputPort();

    /// <summary>The scanner, or a port that never raises when the board has none.</summary>
    public IScannerPort Scanner => (IScannerPort?)_scanner ?? new AbsentInputPort();

    /// <summary>Starts the keypad scan and the scanner's reader; call after the controller subscribed to them.</summary>
    public void StartInputs()
    {
        _keypad?.Start();
        _scanner?.Start();
    }

    /// <summary>Every lock released first, then the inputs stopped, the LED and buzzer off, the expanders closed.</summary>
    public void Dispose()
    {
        var failures = new List<Exception>();
        void Try(Action step)
        {
            try
            {
                step();
            }
            catch (Exception error)
            {
                failures.Add(error);
            }
        }

        Try(Solenoids.Dispose);
        Try(() => _keypad?.Dispose());
        Try(() => _scanner?.Dispose());
        Try(() => _feedback?.Dispose());
        foreach (var chip in _chips)
        {
            Try(chip.Dispose);
        }

        _chips.Clear();
        if (failures.Count > 0)
        {
            throw new AggregateException("shutting the board down failed in part", failures);
        }
    }

    private void Open(BoardDefinition board, IBoardBuses buses, IClock clock, ILoggerFactory? logs)
    {
        var chips = new Dictionary<string, Mcp23017Chip>();
        foreach (var expander in board.Expanders)
        {
            var chip = new Mcp23017Chip(expander.Id, new Mcp23017(buses.OpenI2c(board.I2c!.Bus, expander.Address)));
            _chips.Add(chip);
            chips[expander.Id] = chip;
        }

        var gpioLocks = new GpioSolenoidGroup(buses.Gpio);
        var gpioSensors = new GpioDoorSensorGroup(buses.Gpio);
        var lockGroups = new Dictionary<string, Mcp23017SolenoidGroup>();
        var sensorGroups = new Dictionary<string, Mcp23017DoorSensorGroup>();
        foreach (var compartment in board.Compartments)
        {
            var lockLine = compartment.Lock;
            if (lockLine.IsGpio)
            {
                gpioLocks.Add(compartment.Number, lockLine.Gpio);
                Solenoids.Add(compartment.Number, gpioLocks);
            }
            else
            {
                if (!lockGroups.TryGetValue(lockLine.Expander, out var group))
                {
                    group = lockGroups[lockLine.Expander] = new Mcp23017SolenoidGroup(chips[lockLine.Expander]);
                }

                group.Add(compartment.Number, LineIndex(lockLine));
                Solenoids.Add(compartment.Number, group);
            }
        }

        foreach (var group in lockGroups.Values)
        {
            group.Enable();
        }

        Solenoids.AllOff();
        foreach (var compartment in board.Compartments)
        {
            var sensorLine = compartment.Sensor;
            if (sensorLine.IsGpio)
            {
                gpioSensors.Add(compartment.Number, sensorLine.Gpio, compartment.SensorOpenHigh);
                Doors.Add(compartment.Number, gpioSensors);
            }
            else
            {
                if (!sensorGroups.TryGetValue(sensorLine.Expander, out var group))
                {
                    group = sensorGroups[sensorLine.Expander] = new Mcp23017DoorSensorGroup(chips[sensorLine.Expander], clock);
                }

                group.Add(compartment.Number, LineIndex(sensorLine), compartment.SensorOpenHigh);
                Doors.Add(compartment.Number, group);
            }
        }

        foreach (var group in sensorGroups.Values)
        {
            group.Enable();
        }

        _feedback = new GpioFeedbackPort(buses.Gpio, board.StatusLed, board.Buzzer, logs?.CreateLogger("feedback"));
        if (board.Keypad is { } keypad)
        {
            _keypad = new KeyMatrixKeypadPort(buses.Gpio, keypad.Outputs, keypad.Inputs, keypad.Keys);
        }

        if (board.Scanner is { } scanner)
        {
            _scanner = new SerialScannerPort(buses.OpenSerial(scanner.Uart, scanner.Baud), logs?.CreateLogger("scanner"));
        }
    }

    // 0..7 = port A bit, 8..15 = port B bit.
    private static int LineIndex(LineRef line) => (line.Port == 'B' ? 8 : 0) + line.Bit;
}
