using Iot.Device.Mcp23xxx;
using Lockers.Controller.Linux.Hardware;
using Lockers.Core.Ports;

namespace Lockers.Controller.Linux.Doors;

/// <summary>
/// Reed switches on one MCP23017 (switch to GND, the chip's 100 kOhm pull-ups enabled through GPPU); lines 0..7
/// are port A bits, 8..15 port B bits. Both GPIO registers are read in one sequential transfer and the reading is
/// reused for <see cref="MaxAgeMs"/>, so the core's pass over 16 doors costs one bus transaction, not 16.
/// </summary>
public sealed class Mcp23017DoorSensorGroup : IDoorSensorPort
{
    /// <summary>How long one reading of the GPIO registers is reused, in milliseconds.</summary>
    public const int MaxAgeMs = 5;

    private readonly Mcp23017Chip _chip;
    private readonly IClock _clock;
    private readonly Dictionary<int, (int Line, bool OpenHigh)> _sensors = new();
    private int _inputs;
    private int _levels;
    private long _readAtMs = long.MinValue;

    /// <summary>An empty group; <see cref="Add"/> the lines, then <see cref="Enable"/>. The clock ages readings.</summary>
    public Mcp23017DoorSensorGroup(Mcp23017Chip chip, IClock clock)
    {
        _chip = chip;
        _clock = clock;
    }

    /// <summary>Routes <paramref name="compartment"/> to <paramref name="line"/> (0..15); <paramref name="openHigh"/>: High means "door open".</summary>
    public void Add(int compartment, int line, bool openHigh)
    {
        _sensors[compartment] = (line, openHigh);
        _inputs |= 1 << line;
    }

    /// <summary>
    /// Enables the pull-ups of the sensor bits. Their direction is already input: the Mcp23017 constructor makes
    /// every pin an input, and a lock group on the same chip turns only its own bits into outputs.
    /// </summary>
    public void Enable()
    {
        lock (_chip.Sync)
        {
            _chip.Device.WriteByte(Register.GPPU, (byte)_inputs, Port.PortA);
            _chip.Device.WriteByte(Register.GPPU, (byte)(_inputs >> 8), Port.PortB);
        }
    }

    /// <inheritdoc />
    public bool ReadOpen(int compartment)
    {
        if (!_sensors.TryGetValue(compartment, out var sensor))
        {
            return false;
        }

        int levels;
        lock (_chip.Sync)
        {
            long now = _clock.UptimeMs;
            if (_readAtMs == long.MinValue || now - _readAtMs > MaxAgeMs)
            {
                // Low byte = GPIOA, high byte = GPIOB (sequential addressing, IOCON.BANK = 0, the reset state).
                _levels = _chip.Device.ReadUInt16(Register.GPIO);
                _readAtMs = now;
            }

            levels = _levels;
        }

        return ((levels & (1 << sensor.Line)) != 0) == sensor.OpenHigh;
    }
}
