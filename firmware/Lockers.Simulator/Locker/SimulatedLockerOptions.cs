using Microsoft.Extensions.Logging;

namespace Lockers.Simulator.Locker;

/// <summary>How a <see cref="SimulatedLocker"/> runs; the defaults suit one locker driven by hand or a test.</summary>
public sealed class SimulatedLockerOptions
{
    /// <summary>Firmware version the simulated controller reports.</summary>
    public const string DefaultFirmwareVersion = "0.1.0-sim";

    /// <summary>Main-loop period: the controller's Poll runs this often. Default 10 ms; a large fleet may use 50 ms.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>How often the watchdog timer checks the main loop. Default 1 s.</summary>
    public TimeSpan WatchdogCheckInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Firmware version reported in the birth message and telemetry.</summary>
    public string FirmwareVersion { get; set; } = DefaultFirmwareVersion;

    /// <summary>Overrides the broker host of the device config (tests, fleets); null keeps the config's.</summary>
    public string? BrokerHost { get; set; }

    /// <summary>Overrides the broker port of the device config; 0 keeps the config's.</summary>
    public int BrokerPort { get; set; }

    /// <summary>Time source for the simulated clock and the MQTT client. Default: the system's.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Time source of the controller's own clock (uptime and wall time) when it must differ from <see cref="TimeProvider"/>:
    /// a test that moves the locker's uptime on (a display hold running out) without moving its MQTT client's keep-alive,
    /// timers or pulse timer. Null (the default): <see cref="TimeProvider"/>.
    /// </summary>
    public TimeProvider? ClockTimeProvider { get; set; }

    /// <summary>Logger for the MQTT client and the locker's own messages; null logs nothing.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
