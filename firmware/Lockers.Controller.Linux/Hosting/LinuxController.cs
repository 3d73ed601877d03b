using Lockers.Controller.Linux.Hardware;
using Lockers.Controller.Linux.Platform;
using Lockers.Core.App;
using Lockers.Core.Protocol;
using Lockers.Hosting;
using Microsoft.Extensions.Logging;

namespace Lockers.Controller.Linux.Hosting;

/// <summary>
/// The running controller: the board's drivers, the storage folder, the MQTT link, the core's
/// <see cref="LockerController"/>, its main loop and the watchdog timer. Start-up follows the device's order:
/// every lock released before anything slow, then the controller, the inputs, the link.
/// </summary>
public sealed class LinuxController : IAsyncDisposable
{
    private static readonly TimeSpan OfflineStatusTimeout = TimeSpan.FromSeconds(2);

    private readonly CancellationTokenSource _stop = new();
    private readonly TaskCompletionSource _rebootRequested = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly ILogger? _logger;
    private readonly string _statusTopic;
    private Task _loop = Task.CompletedTask;
    private readonly TimeProviderPulseTimer _pulseTimer;
    private ITimer? _watchdogTimer;
    private int _stopped;

    private LinuxController(
        LinuxBoardHardware hardware, MqttClientLink link, LockerController controller, LinuxSystemPort system,
        TimeProviderPulseTimer pulseTimer, ILogger? logger)
    {
        Hardware = hardware;
        _pulseTimer = pulseTimer;
        Link = link;
        Controller = controller;
        System = system;
        _logger = logger;
        _statusTopic = Topics.Status(controller.LockerId);
    }

    /// <summary>The board's drivers.</summary>
    public LinuxBoardHardware Hardware { get; }

    /// <summary>The MQTT link.</summary>
    public MqttClientLink Link { get; }

    /// <summary>The core.</summary>
    public LockerController Controller { get; }

    /// <summary>Health figures and reboot requests.</summary>
    public LinuxSystemPort System { get; }

    /// <summary>Completes when the core's watchdog asked for a reboot (the host then exits for systemd to restart it).</summary>
    public Task RebootRequested => _rebootRequested.Task;

    /// <summary>Builds the ports on <paramref name="buses"/> and starts everything; the link connects in the background.</summary>
    public static LinuxController Start(ControllerFiles files, IBoardBuses buses, LinuxControllerOptions options)
    {
        var config = files.Config;
        var logger = options.LoggerFactory?.CreateLogger("controller");
        var clock = new SystemClock(options.TimeProvider);
        var hardware = new LinuxBoardHardware(files.Board, buses, clock, options.LoggerFactory);
        try
        {
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
            linkOptions.Tls = files.BrokerTls;

            var link = new MqttClientLink(linkOptions, options.LoggerFactory?.CreateLogger("mqtt"));
            var system = new LinuxSystemPort(hardware.Solenoids);
            var storage = new FolderStorage(options.StorageDirectory, syncDirectory: true);
            // The pulse cut-off (ADR 0007): a timer-pool thread releases the coil at its pulse end even when the main
            // loop stalls. The solenoid groups take their chip's lock per call, so that thread may drive them.
            var pulseTimer = new TimeProviderPulseTimer(options.TimeProvider);
            var ports = new LockerPorts(
                clock, storage, link, hardware.Solenoids, pulseTimer, hardware.Doors, hardware.Keypad, hardware.Scanner,
                hardware.Feedback, system);
            var controller = new LockerController(config, files.Board, ports, options.FirmwareVersion);
            var running = new LinuxController(hardware, link, controller, system, pulseTimer, logger);
            system.RebootRequested += () => running._rebootRequested.TrySetResult();
            controller.Start();
            hardware.StartInputs();
            link.Start();
            running._loop = Task.Run(() => running.MainLoopAsync(options));
            running._watchdogTimer = options.TimeProvider.CreateTimer(
                _ => controller.CheckWatchdog(), null, options.WatchdogCheckInterval, options.WatchdogCheckInterval);
            logger?.LogInformation(
                "locker {LockerId} on board {Board} started: {Count} compartments, broker {Host}:{Port}{Tls}",
                config.LockerId, files.Board.Name, files.Board.Compartments.Length, linkOptions.Host, linkOptions.Port,
                config.Broker.Tls ? (config.Broker.HasClientCertificate ? " (TLS, client certificate)" : " (TLS)") : "");
            return running;
        }
        catch
        {
            hardware.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Stops: the loop, the watchdog timer, the core (every lock released), the link, then the hardware.
    /// <paramref name="clean"/> publishes the retained "offline" status and disconnects; otherwise the connection
    /// is dropped and the broker publishes the last will (a watchdog restart).
    /// </summary>
    public async Task StopAsync(bool clean = true)
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _stop.Cancel();
        await _loop.ConfigureAwait(false);
        if (_watchdogTimer is not null)
        {
            await _watchdogTimer.DisposeAsync().ConfigureAwait(false);
        }

        try
        {
            try
            {
                Controller.Stop();
            }
            finally
            {
                Hardware.Solenoids.AllOff();
                _pulseTimer.Dispose();
            }

            if (clean)
            {
                await Link.PublishAndWaitAsync(_statusTopic, StatusPayload.Offline().ToJson(), 1, retain: true, OfflineStatusTimeout)
                    .ConfigureAwait(false);
                await Link.DisconnectAsync().ConfigureAwait(false);
            }
            else
            {
                await Link.AbortAsync().ConfigureAwait(false);
            }

            await Link.DisposeAsync().ConfigureAwait(false);
        }
        finally
        {
            // Whatever failed above, the drivers let go of their pins (every lock released first).
            Hardware.Dispose();
            _stop.Dispose();
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync() => new(StopAsync());

    private async Task MainLoopAsync(LinuxControllerOptions options)
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
                    // As on the device: release every lock; if Poll keeps failing it stops feeding the watchdog,
                    // which then restarts the controller.
                    _logger?.LogError(error, "controller poll failed; every lock released");
                    try
                    {
                        Hardware.Solenoids.AllOff();
                    }
                    catch (Exception release)
                    {
                        _logger?.LogCritical(release, "releasing the locks failed");
                    }
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopped.
        }
    }
}
