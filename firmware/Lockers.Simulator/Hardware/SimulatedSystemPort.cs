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

    /// <summary>
    /// The simulated board's free managed heap, as an ESP32 running nanoFramework reports it (tens of KB), not this host's
    /// gigabytes: staff looking at a simulated locker's telemetry see what a real one would show. Tests may set it.
    /// </summary>
    public long FreeMemoryBytes { get; set; } = 81_234;

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
