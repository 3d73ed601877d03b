using Lockers.Core.App;
using Lockers.Core.Protocol;
using Lockers.Hosting;
using Microsoft.Extensions.Logging;

namespace Lockers.Simulator.Locker;

/// <summary>What exists only while a simulated locker has power: clock, flash driver, link, controller, main loop, watchdog timer.</summary>
internal sealed class RunningLocker
{
    private static readonly TimeSpan OfflineStatusTimeout = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly ILogger? _logger;
    private Task _loop = Task.CompletedTask;
    private readonly TimeProviderPulseTimer _pulseTimer;
    private ITimer? _watchdogTimer;

    private RunningLocker(MqttClientLink link, LockerController controller, TimeProviderPulseTimer pulseTimer, ILogger? logger)
    {
        Link = link;
        Controller = controller;
        _pulseTimer = pulseTimer;
        _logger = logger;
    }

    public MqttClientLink Link { get; }

    public LockerController Controller { get; }

    public static RunningLocker PowerOn(SimulatedLocker locker, SimulatedLockerOptions options, ILogger? logger)
    {
        var config = locker.Config;
        var clock = new SystemClock(options.ClockTimeProvider ?? options.TimeProvider);
        var storage = new FolderStorage(locker.StorageDirectory);
        var linkOptions = MqttClientLink.OptionsFor(
            options.BrokerHost ?? config.Broker.Host,
            options.BrokerPort > 0 ? options.BrokerPort : config.Broker.Port,
            clientId: config.LockerId,
            config.Broker.Username,
            config.Broker.Password,
            Topics.Status(config.LockerId),
            StatusPayload.Offline().ToJson(),
            TimeSpan.FromSeconds(config.HeartbeatS));
        linkOptions.TimeProvider = options.TimeProvider;
        linkOptions.Tls = DeviceTlsFiles.Load(config.Broker, locker.ConfigDirectory);

        var link = new MqttClientLink(linkOptions, options.LoggerFactory?.CreateLogger("mqtt." + config.LockerId));
        var pulseTimer = new TimeProviderPulseTimer(options.TimeProvider);
        var ports = new LockerPorts(
            clock, storage, link, locker.Solenoids, pulseTimer, locker.DoorSensors, locker.Keypad, locker.Scanner, locker.Feedback, locker.System);
        var controller = new LockerController(config, locker.Board, ports, options.FirmwareVersion);
        var running = new RunningLocker(link, controller, pulseTimer, logger);
        controller.Start();
        link.Start();
        running._loop = Task.Run(() => running.MainLoopAsync(options));
        running._watchdogTimer = options.TimeProvider.CreateTimer(
            _ => controller.CheckWatchdog(), null, options.WatchdogCheckInterval, options.WatchdogCheckInterval);
        return running;
    }

    public async Task PowerOffAsync(bool clean, string statusTopic)
    {
        _stop.Cancel();
        await _loop.ConfigureAwait(false);
        if (_watchdogTimer is not null)
        {
            await _watchdogTimer.DisposeAsync().ConfigureAwait(false);
        }

        // Power gone or shutting down: the controller lets go of every output and stops listening.
        Controller.Stop();
        _pulseTimer.Dispose();
        if (clean)
        {
            // A clean stop sends DISCONNECT, so the broker drops the will: say "offline" ourselves first.
            await Link.PublishAndWaitAsync(statusTopic, StatusPayload.Offline().ToJson(), 1, retain: true, OfflineStatusTimeout)
                .ConfigureAwait(false);
            await Link.DisconnectAsync().ConfigureAwait(false);
        }
        else
        {
            await Link.AbortAsync().ConfigureAwait(false);
        }

        await Link.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
    }

    private async Task MainLoopAsync(SimulatedLockerOptions options)
    {
        using var timer = new PeriodicTimer(options.PollInterval, options.TimeProvider);
        try
        {
            while (await timer.WaitForNextTickAsync(_stop.Token).ConfigureAwait(false))
            {
                try
                {
                    Controller.Poll();
                }
                catch (Exception error)
                {
                    // The device would reboot via the watchdog; here the loop keeps going and says why.
                    _logger?.LogError(error, "controller poll failed");
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Powered off.
        }
    }
}
