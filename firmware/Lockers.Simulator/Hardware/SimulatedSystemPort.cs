using Lockers.Core.Ports;

namespace Lockers.Simulator.Hardware;

/// <summary>
/// The controller's health figures. Free memory is the process's real managed heap headroom; signal, supply
/// and temperature are settable so fault tests can drive alarms (defaults: a healthy board).
/// </summary>
public sealed class SimulatedSystemPort : ISystemPort
{
    /// <summary>Raised when the core asks for a reboot; the simulated locker restarts its controller.</summary>
    public event Action? RebootRequested;

    /// <summary>How many reboots the core requested.</summary>
    public int RebootCount { get; private set; }

    /// <inheritdoc />
    public long FreeMemoryBytes
    {
        get
        {
            var info = GC.GetGCMemoryInfo();
            long free = info.TotalAvailableMemoryBytes - GC.GetTotalMemory(false);
            return free < 0 ? -1 : free;
        }
    }

    /// <inheritdoc />
    public int SignalDbm { get; set; } = -61;

    /// <inheritdoc />
    public int SupplyMillivolts { get; set; } = 12050;

    /// <inheritdoc />
    public int TemperatureDeciC { get; set; } = 235;

    /// <inheritdoc />
    public void Reboot()
    {
        RebootCount++;
        RebootRequested?.Invoke();
    }
}
