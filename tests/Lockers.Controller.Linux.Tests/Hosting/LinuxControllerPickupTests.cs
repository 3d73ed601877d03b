using Lockers.Controller.Linux.Hosting;
using Lockers.Controller.Linux.Tests.Simulation;
using Lockers.Controller.Linux.Tests.Support;
using Lockers.Core.Protocol;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Controller.Linux.Tests.Hosting;

/// <summary>
/// The whole Linux controller against real Mosquitto over TLS, on the simulated Pi board, logged in as the shipped broker
/// wants it: with its client certificate (ca.crt, locker.crt, locker.key beside locker.json), whose common name is its
/// broker identity, and no password. The core's logic runs through the host's real drivers and the bindings' real code
/// (KeyMatrix scanning the GPIO matrix, Mcp23xxx writing the expander's registers, the reed switches read from GPIO),
/// with the test playing the gateway.
/// </summary>
public sealed class LinuxControllerPickupTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    private readonly ControllerFolder _folder = new();
    private MosquittoBroker _broker = null!;
    private GatewayProbe _gateway = null!;
    private SimulatedBoard _board = null!;
    private LinuxController _controller = null!;

    public async Task InitializeAsync()
    {
        _broker = await MosquittoBroker.StartNewAsync(ControllerFolder.BrokerOptions());
        _folder.WriteConfig(tls: true, port: _broker.Port, clientCertificate: true);
        await _folder.WriteTlsFilesAsync(_broker.Certificates!);
        _gateway = await GatewayProbe.ConnectAsync(_broker, _folder.LockerId, TestIds.ClientId(role: "gateway"));
        var files = ControllerFiles.Load(_folder.ConfigPath);
        _board = new SimulatedBoard(files.Board);
        _controller = LinuxController.Start(files, _board, new LinuxControllerOptions { StorageDirectory = _folder.StorageDirectory });
        await _gateway.WaitForStatusAsync(StatusStates.Online);
    }

    public async Task DisposeAsync()
    {
        await _controller.DisposeAsync();
        _board.Dispose();
        await _gateway.DisposeAsync();
        await _broker.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Connect_WithTheProvisionedCertificate_TheBrokerKnowsTheControllerByItsCommonName()
    {
        // locker.json names ca.crt, locker.crt and locker.key and no password; the broker requires a certificate and takes
        // its common name as user name (use_identity_as_username) and client id.
        var files = ControllerFiles.Load(_folder.ConfigPath);
        Assert.Equal("", files.Config.Broker.Password);
        Assert.Equal("CN=" + _folder.LockerId, files.BrokerTls!.ClientCertificate!.Subject);

        await Wait.UntilAsync(() => _broker.Log.Contains($"as {_folder.LockerId} (", StringComparison.Ordinal)
                                    && _broker.Log.Contains($"u'{_folder.LockerId}'", StringComparison.Ordinal),
            Timeout, "the broker to log the controller's connection under its certificate's identity");
    }

    [Fact]
    public async Task Pickup_PinOnTheKeypad_SignedUnlock_ExpanderLockPulses_ReedSwitchReportsTheDoor()
    {
        await _board.TypeAsync("123456#");

        var entered = await _gateway.WaitForEventAsync(e => e.Kind == EventKinds.CodeEntered, "the code typed on the keypad");
        Assert.Equal("123456", entered.Code);
        Assert.Equal(CodeSources.Keypad, entered.Source);

        await _gateway.PublishCommandAsync(_folder.SignedUnlock(3, "pickup-3"));

        await _gateway.WaitForEventAsync(e => e.Kind == EventKinds.Door && e.Compartment == 3 && e.DoorState == DoorStates.Opened, "door 3 opened");
        Assert.Equal(CommandResults.Ok, (await _gateway.WaitForResultAsync("pickup-3")).Result);
        Assert.True(_board.IsOpen(3));
        Assert.Equal(1, _board.PulseCount(3));
        await Wait.UntilAsync(() => _board.Energised().Length == 0, Timeout, "the coil to be released");
        Assert.Equal(0, _board.Chip("U2").OutputsHigh);

        _board.Close(3);
        await _gateway.WaitForEventAsync(e => e.Kind == EventKinds.Door && e.Compartment == 3 && e.DoorState == DoorStates.Closed, "door 3 closed");
        Assert.Equal(1, _board.MaxSimultaneous);
        Assert.All(Enumerable.Range(1, 10).Where(c => c != 3), c => Assert.Equal(0, _board.PulseCount(c)));
    }

    [Fact]
    public async Task QrScan_OnTheSerialLine_ThenUnlockOfAGpioWiredLock_OpensThatDoor()
    {
        Assert.Equal("/dev/serial0", _board.ScannerDevice);
        _board.Scan("QR-7F3A9C");

        var entered = await _gateway.WaitForEventAsync(e => e.Kind == EventKinds.CodeEntered, "the scanned code");
        Assert.Equal("QR-7F3A9C", entered.Code);
        Assert.Equal(CodeSources.Qr, entered.Source);

        await _gateway.PublishCommandAsync(_folder.SignedUnlock(9, "pickup-9"));

        await _gateway.WaitForEventAsync(e => e.Kind == EventKinds.Door && e.Compartment == 9 && e.DoorState == DoorStates.Opened, "door 9 opened");
        Assert.Contains(23, _board.Driver.EverHigh); // compartment 9's lock is GPIO23
        await Wait.UntilAsync(() => !_board.Driver.IsHigh(23), Timeout, "GPIO23 to be released");
        Assert.Equal(1, _board.MaxSimultaneous);
    }

    [Fact]
    public async Task JammedDoor_NoReedChange_IsReportedJammed_AndTheCoilIsReleased()
    {
        _board.Jam(5);

        await _gateway.PublishCommandAsync(_folder.SignedUnlock(5, "jam-5"));

        await _gateway.WaitForEventAsync(e => e.Kind == EventKinds.Door && e.Compartment == 5 && e.DoorState == DoorStates.Jammed, "door 5 jammed");
        Assert.False(_board.IsOpen(5));
        Assert.True(_board.PulseCount(5) >= 1);
        await Wait.UntilAsync(() => _board.Energised().Length == 0, Timeout, "every coil released");
        Assert.Equal(1, _board.MaxSimultaneous);
    }

    [Fact]
    public async Task WatchdogRestart_LocksReleased_ConnectionDropped_BrokerPublishesTheLastWill()
    {
        _controller.Hardware.Solenoids.SetEnergised(1, true); // a coil on when the loop stalls
        Assert.Equal(new[] { 1 }, _board.Energised());

        _controller.System.Reboot(); // what the core's watchdog calls from its timer
        await _controller.RebootRequested.WaitAsync(Timeout);
        Assert.Empty(_board.Energised());
        await _controller.StopAsync(clean: false); // Program.cs then exits 75 for systemd

        await _gateway.WaitForStatusAsync(StatusStates.Offline);
        Assert.Equal(0, _board.Chip("U2").OutputsHigh);
    }

    [Fact]
    public async Task CleanStop_PublishesOffline_AndLeavesEveryLockReleased()
    {
        await _controller.StopAsync();

        await _gateway.WaitForStatusAsync(StatusStates.Offline);
        Assert.Empty(_board.Energised());
        Assert.Equal(0, _board.Chip("U2").OutputsHigh);
        Assert.DoesNotContain(23, _board.Driver.EverHigh);
        Assert.DoesNotContain(24, _board.Driver.EverHigh);
    }
}
