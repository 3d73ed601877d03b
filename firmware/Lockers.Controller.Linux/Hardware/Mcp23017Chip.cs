using Iot.Device.Mcp23xxx;

namespace Lockers.Controller.Linux.Hardware;

/// <summary>
/// One MCP23017 and the lock every user of it takes. The binding reads a register in two bus transactions (set
/// the register pointer, then read), so a lock write from another thread in between would make the read return
/// the wrong register: lock groups and sensor groups on the same chip must serialise on <see cref="Sync"/>.
/// </summary>
public sealed class Mcp23017Chip : IDisposable
{
    /// <summary>Wraps <paramref name="chip"/>, whose constructor has already put every pin back to input.</summary>
    public Mcp23017Chip(string id, Mcp23017 chip)
    {
        Id = id;
        Device = chip;
    }

    /// <summary>The board file's id for the chip ("U2").</summary>
    public string Id { get; }

    /// <summary>The binding; use it only while holding <see cref="Sync"/>.</summary>
    public Mcp23017 Device { get; }

    /// <summary>Held around every register access.</summary>
    public object Sync { get; } = new();

    /// <inheritdoc />
    public void Dispose() => Device.Dispose();
}
