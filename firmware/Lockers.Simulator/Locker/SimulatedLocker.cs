using Lockers.Core.App;
using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Simulator.Hardware;
using Lockers.Hosting;
using Microsoft.Extensions.Logging;

namespace Lockers.Simulator.Locker;

/// <summary>
/// One virtual locker: the real <see cref="LockerController"/> over simulated doors, keypad, scanner and
/// feedback, a folder as its flash and the project's MQTT client as its link. Usable as a library:
/// start it, press keys, scan, open/close/jam/force doors, cut the power and start it again from the
/// same folder. The doors keep their physical state across power cuts; the controller and link do not.
/// </summary>
public sealed class SimulatedLocker : IAsyncDisposable
{
    private readonly SimulatedLockerOptions _options;
    private readonly ILogger? _logger;
    private readonly SemaphoreSlim _lifecycle = new(1, 1);
    private RunningLocker? _running;

    /// <summary>
    /// Creates a powered-off locker; <paramref name="storageDirectory"/> is its flash and survives restarts.
    /// <paramref name="configDirectory"/> is the folder of its locker.json, where the TLS files the config names are.
    /// </summary>
    public SimulatedLocker(DeviceConfig config, BoardDefinition board, string storageDirectory, SimulatedLockerOptions? options = null,
        string? configDirectory = null)
    {
        ConfigDirectory = configDirectory;
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(board);
        config.Validate();
        Config = config;
        Board = board;
        StorageDirectory = storageDirectory;
        _options = options ?? new SimulatedLockerOptions();
        _logger = _options.LoggerFactory?.CreateLogger("locker." + config.LockerId);
        Cabinet = new SimulatedCabinet(board.CompartmentNumbers);
        Solenoids = new SimulatedSolenoidPort(Cabinet);
        DoorSensors = new SimulatedDoorSensorPort(Cabinet);

        // The watchdog asks for a reboot from its timer thread: power-cycle off that thread.
        System.RebootRequested += () => _ = Task.Run(RebootAsync);
    }

    /// <summary>The device configuration.</summary>
    public DeviceConfig Config { get; }

    /// <summary>The board the locker runs on.</summary>
    public BoardDefinition Board { get; }

    /// <summary>The folder of the device config, holding the TLS files it names (ca.crt, locker.crt, locker.key); null when it names none.</summary>
    public string? ConfigDirectory { get; }

    /// <summary>The folder holding the locker's flash (journal, counters).</summary>
    public string StorageDirectory { get; }

    /// <summary>The locker's id.</summary>
    public string LockerId => Config.LockerId;

    /// <summary>The doors; their state survives power cuts.</summary>
    public SimulatedCabinet Cabinet { get; }

    /// <summary>The lock outputs (watches the one-at-a-time rule).</summary>
    public SimulatedSolenoidPort Solenoids { get; }

    /// <summary>The reed switches.</summary>
    public SimulatedDoorSensorPort DoorSensors { get; }

    /// <summary>The keypad.</summary>
    public SimulatedKeypad Keypad { get; } = new();

    /// <summary>The QR scanner.</summary>
    public SimulatedScanner Scanner { get; } = new();

    /// <summary>Display, buzzer and LED.</summary>
    public SimulatedFeedback Feedback { get; } = new();

    /// <summary>Health figures and reboot requests.</summary>
    public SimulatedSystemPort System { get; } = new();

    /// <summary>True while powered on.</summary>
    public bool IsRunning => _running is not null;

    /// <summary>True while powered on and connected to the broker.</summary>
    public bool IsConnected => _running?.Link.IsConnected ?? false;

    /// <summary>The running controller, or null while powered off.</summary>
    public LockerController? Controller => _running?.Controller;

    /// <summary>How many times the locker was powered on.</summary>
    public int PowerOnCount { get; private set; }

    /// <summary>Powers on: a fresh controller and MQTT link over the same storage folder. Returns at once; the link connects in the background.</summary>
    public async Task StartAsync()
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_running is not null)
            {
                return;
            }

            _running = RunningLocker.PowerOn(this, _options, _logger);
            PowerOnCount++;
        }
        finally
        {
            _lifecycle.Release();
        }
    }

    /// <summary>Clean shutdown: publishes the retained "offline" status, disconnects, stops the loop.</summary>
    public Task StopAsync() => PowerOffAsync(clean: true);

    /// <summary>Power cut: the loop stops and the connection drops without DISCONNECT (the broker publishes the last will).</summary>
    public Task PowerCutAsync() => PowerOffAsync(clean: false);

    /// <summary>Power cut, then power on again from the same storage folder.</summary>
    public async Task PowerCycleAsync()
    {
        await PowerCutAsync().ConfigureAwait(false);
        await StartAsync().ConfigureAwait(false);
    }

    /// <summary>Presses keys on the keypad ("123456#").</summary>
    public void Type(string keys) => Keypad.Type(keys);

    /// <summary>Holds a code in front of the scanner.</summary>
    public void Scan(string code) => Scanner.Scan(code);

    /// <summary>Closes a door by hand.</summary>
    public void Close(int compartment) => Cabinet[compartment].Close();

    /// <summary>Jams a door (pulses no longer open it) or frees it.</summary>
    public void Jam(int compartment, bool jammed = true) => Cabinet[compartment].Jam(jammed);

    /// <summary>Pries a door open without a pulse.</summary>
    public void Force(int compartment) => Cabinet[compartment].Force();

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        _lifecycle.Dispose();
    }

    private async Task RebootAsync()
    {
        try
        {
            _logger?.LogWarning("the controller asked for a reboot (watchdog); power-cycling");
            await PowerCycleAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // The locker was disposed in the meantime: nothing left to reboot.
        }
    }

    private async Task PowerOffAsync(bool clean)
    {
        await _lifecycle.WaitAsync().ConfigureAwait(false);
        try
        {
            var running = _running;
            _running = null;
            if (running is not null)
            {
                await running.PowerOffAsync(clean, Topics.Status(LockerId)).ConfigureAwait(false);
            }
        }
        finally
        {
            _lifecycle.Release();
        }
    }
}
