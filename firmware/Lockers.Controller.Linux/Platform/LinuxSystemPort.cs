using System.Globalization;
using Lockers.Core.Ports;

namespace Lockers.Controller.Linux.Platform;

/// <summary>
/// The controller's health figures from Linux, and its reboot. A reboot request (the core's watchdog) releases
/// every lock and then asks the host to exit with <see cref="RebootExitCode"/>; systemd's Restart= starts the
/// controller again, which is the Linux meaning of "reboot the firmware" (the board itself keeps running).
/// </summary>
public sealed class LinuxSystemPort : ISystemPort
{
    /// <summary>The exit code of a watchdog restart (EX_TEMPFAIL), so the journal tells it from a crash.</summary>
    public const int RebootExitCode = 75;

    private readonly ISolenoidPort _locks;
    private readonly string _sysRoot;

    /// <summary>
    /// <paramref name="locks"/> are released before a reboot. <paramref name="sysRoot"/> is where /proc and /sys
    /// are looked up ("/" on the board; a folder of sample files in tests).
    /// </summary>
    public LinuxSystemPort(ISolenoidPort locks, string sysRoot = "/")
    {
        _locks = locks;
        _sysRoot = sysRoot;
    }

    /// <summary>Raised (on the watchdog's timer thread) after the locks were released; the host exits.</summary>
    public event Action? RebootRequested;

    /// <summary>How many reboots were requested.</summary>
    public int RebootRequests { get; private set; }

    /// <inheritdoc />
    public void Reboot()
    {
        RebootRequests++;
        try
        {
            _locks.AllOff();
        }
        finally
        {
            RebootRequested?.Invoke();
        }
    }

    /// <summary>MemAvailable from /proc/meminfo (what the kernel could give the process), or -1.</summary>
    public long FreeMemoryBytes
    {
        get
        {
            foreach (var line in ReadLines("proc/meminfo"))
            {
                // "MemAvailable:    3626540 kB"
                if (line.StartsWith("MemAvailable:", StringComparison.Ordinal)
                    && long.TryParse(line["MemAvailable:".Length..].Replace("kB", "").Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long kb))
                {
                    return kb * 1024;
                }
            }

            return -1;
        }
    }

    /// <summary>The Wi-Fi link level in dBm from /proc/net/wireless (first interface), or <see cref="int.MinValue"/>.</summary>
    public int SignalDbm
    {
        get
        {
            // "wlan0: 0000   58.  -52.  -256        0 ..." after two header lines; the level column ends with '.'.
            foreach (var line in ReadLines("proc/net/wireless").Skip(2))
            {
                var columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (columns.Length > 3 && int.TryParse(columns[3].TrimEnd('.'), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int dbm))
                {
                    return dbm;
                }
            }

            return int.MinValue;
        }
    }

    /// <summary>No supply measurement on a Pi-class board: <see cref="int.MinValue"/>.</summary>
    public int SupplyMillivolts => int.MinValue;

    /// <summary>The SoC temperature from thermal zone 0 (millidegrees) in tenths of a degree, or <see cref="int.MinValue"/>.</summary>
    public int TemperatureDeciC
    {
        get
        {
            var text = ReadLines("sys/class/thermal/thermal_zone0/temp").FirstOrDefault();
            return int.TryParse(text?.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int milli)
                ? milli / 100
                : int.MinValue;
        }
    }

    private IEnumerable<string> ReadLines(string relative)
    {
        try
        {
            return File.ReadAllLines(Path.Combine(_sysRoot, relative));
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            return Array.Empty<string>();
        }
    }
}
