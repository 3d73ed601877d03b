using Lockers.Core.Ports;

namespace Lockers.Core.Tests.Fakes;

/// <summary>A controller whose reboots are counted instead of performed; health figures are settable.</summary>
public sealed class FakeSystemPort : ISystemPort
{
    /// <summary>How many times Reboot was called.</summary>
    public int RebootCount { get; private set; }

    /// <summary>Runs inside Reboot (e.g. to rebuild the core as the device would after a restart).</summary>
    public Action? OnReboot { get; set; }

    public long FreeMemoryBytes { get; set; } = 60_000;

    public int SignalDbm { get; set; } = -60;

    public int SupplyMillivolts { get; set; } = 12_000;

    public int TemperatureDeciC { get; set; } = 215;

    public void Reboot()
    {
        RebootCount++;
        OnReboot?.Invoke();
    }
}
