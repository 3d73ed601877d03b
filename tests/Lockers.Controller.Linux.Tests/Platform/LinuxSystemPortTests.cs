using Lockers.Controller.Linux.Platform;
using Lockers.Controller.Linux.Tests.Support;

namespace Lockers.Controller.Linux.Tests.Platform;

/// <summary>Health figures read from /proc and /sys (sample files here), and the restart that releases every lock first.</summary>
public sealed class LinuxSystemPortTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "lockers-sys-" + Guid.NewGuid().ToString("N")[..12]);
    private readonly FakeSolenoidGroup _locks = new();

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public void Figures_FromProcAndSys_InTheCoresUnits()
    {
        Write("proc/meminfo", "MemTotal:        3884136 kB\nMemFree:          812340 kB\nMemAvailable:    2626540 kB\n");
        Write("proc/net/wireless", "Inter-| sta-|   Quality        |   Discarded packets               | Missed | WE\n face | tus | link level noise |  nwid  crypt   frag  retry   misc | beacon | 22\n wlan0: 0000   58.  -52.  -256        0      0      0      0     17        0\n");
        Write("sys/class/thermal/thermal_zone0/temp", "48312\n");

        var system = new LinuxSystemPort(_locks, _root);

        Assert.Equal(2626540L * 1024, system.FreeMemoryBytes);
        Assert.Equal(-52, system.SignalDbm);
        Assert.Equal(483, system.TemperatureDeciC);
        Assert.Equal(int.MinValue, system.SupplyMillivolts);
    }

    [Fact]
    public void Figures_FilesMissing_ReadAsUnknown_NeverMadeUp()
    {
        var system = new LinuxSystemPort(_locks, _root);

        Assert.Equal(-1, system.FreeMemoryBytes);
        Assert.Equal(int.MinValue, system.SignalDbm);
        Assert.Equal(int.MinValue, system.TemperatureDeciC);
    }

    [Fact]
    public void Reboot_ReleasesEveryLock_ThenAsksTheHostToExit()
    {
        _locks.SetEnergised(4, true);
        bool lockedWhenAsked = false;
        var system = new LinuxSystemPort(_locks, _root);
        system.RebootRequested += () => lockedWhenAsked = _locks.On.Count == 0;

        system.Reboot();

        Assert.True(lockedWhenAsked);
        Assert.Equal(1, system.RebootRequests);
    }

    private void Write(string relative, string text)
    {
        string path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
    }
}
