using Microsoft.Extensions.Logging;

namespace Lockers.Controller.Linux.Hosting;

/// <summary>How <see cref="LinuxController"/> runs. The defaults are the board's; tests change the folder and the broker.</summary>
public sealed class LinuxControllerOptions
{
    /// <summary>The controller's flash: journal, counters, boot count. Default /var/lib/lockers (systemd's StateDirectory).</summary>
    public string StorageDirectory { get; set; } = "/var/lib/lockers";

    /// <summary>Overrides the config's broker host (tests); null keeps it.</summary>
    public string? BrokerHost { get; set; }

    /// <summary>Overrides the config's broker port when &gt; 0 (tests).</summary>
    public int BrokerPort { get; set; }

    /// <summary>The main loop's period: the core wants a Poll every 10-20 ms. Default 10 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How often the watchdog timer asks the core whether Poll stalled. Default 1 s.</summary>
    public TimeSpan WatchdogCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Clock for uptime, wall time and the loop's timers.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Logs (journald under systemd); null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>Reported in the birth message and telemetry.</summary>
    public string FirmwareVersion { get; set; } = "linux-0.1.0";
}
