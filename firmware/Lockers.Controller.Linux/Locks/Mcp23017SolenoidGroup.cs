using Iot.Device.Mcp23xxx;
using Lockers.Controller.Linux.Hardware;
using Lockers.Core.Ports;

namespace Lockers.Controller.Linux.Locks;

/// <summary>
/// Lock outputs on one MCP23017, active high, driven through its latch registers (OLAT) with the binding's
/// register API. Lines 0..7 are port A bits, 8..15 port B bits. The latch is mirrored here and written whole,
/// never read back, so a failed read cannot turn a lock on.
/// </summary>
public sealed class Mcp23017SolenoidGroup : ISolenoidPort
{
    private readonly Mcp23017Chip _chip;
    private readonly Dictionary<int, int> _lines = new();
    private int _outputs;
    private int _latch;

    /// <summary>An empty group; <see cref="Add"/> the lines, then <see cref="Enable"/>.</summary>
    public Mcp23017SolenoidGroup(Mcp23017Chip chip) => _chip = chip;

    /// <summary>Routes <paramref name="compartment"/> to <paramref name="line"/> (0..15).</summary>
    public void Add(int compartment, int line)
    {
        _lines[compartment] = line;
        _outputs |= 1 << line;
    }

    /// <summary>
    /// Writes every latch Low BEFORE IODIR turns the lock bits into outputs, so no lock pulses at start-up;
    /// every other bit stays an input (what the Mcp23017 constructor left), so sensors on the chip are unaffected.
    /// </summary>
    public void Enable()
    {
        lock (_chip.Sync)
        {
            _latch = 0;
            WriteLatch();
            _chip.Device.WriteByte(Register.IODIR, (byte)~_outputs, Port.PortA);
            _chip.Device.WriteByte(Register.IODIR, (byte)(~_outputs >> 8), Port.PortB);
        }
    }

    /// <inheritdoc />
    public void SetEnergised(int compartment, bool on)
    {
        if (!_lines.TryGetValue(compartment, out int line))
        {
            return;
        }

        lock (_chip.Sync)
        {
            int bit = 1 << line;
            _latch = on ? _latch | bit : _latch & ~bit;
            WriteLatch();
        }
    }

    /// <inheritdoc />
    public void AllOff()
    {
        lock (_chip.Sync)
        {
            _latch &= ~_outputs;
            WriteLatch();
        }
    }

    // Both latches in one sequential write (OLATA then OLATB), so the two ports never disagree for a moment.
    private void WriteLatch() => _chip.Device.WriteUInt16(Register.OLAT, (ushort)_latch);
}
