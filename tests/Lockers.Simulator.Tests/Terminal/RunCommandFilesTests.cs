using System.Text;
using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Simulator.Locker;
using Lockers.Simulator.Terminal;
using Lockers.Simulator.Tests.Support;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Simulator.Tests.Terminal;

/// <summary>
/// Issue 12, finding 7: a broken locker.json crashed the simulator with a stack trace that did not name the file. Now a
/// refused file is named with what is wrong with it, nothing is driven (every door stays locked), the files are read
/// again until they are sound, and a locker whose configuration is sound tells the gateway why it cannot run.
/// </summary>
public sealed class RunCommandFilesTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private readonly string _directory = Directory.CreateTempSubdirectory("lockers-sim-files-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task BrokenConfig_IsNamedWithWhatIsWrong_AndReadAgainUntilItIsFixed()
    {
        var setup = new LockerSetup("sim-files-" + Guid.NewGuid().ToString("N")[..6]);
        var configPath = Path.Combine(_directory, "locker.json");
        await File.WriteAllTextAsync(configPath, "{\"lockerId\": \"x\", ");
        var errors = new SynchronizedWriter();
        var options = CommandLine.Parse(["--config", configPath, "--board", RepositoryRoot.DevKitBoard, "--retry-seconds", "1",
            "--storage", Path.Combine(_directory, "flash"), "--broker", "127.0.0.1:" + FreeTcpPort.Find()]);

        var run = RunCommand.RunAsync(options, new StringReader("quit\n"), TextWriter.Null, errors);

        await Wait.UntilAsync(() => errors.Text.Contains(configPath + ": ") && errors.Text.Contains("not valid JSON"), Timeout,
            "the refusal naming the file and what is wrong");
        Assert.Contains("every door stays locked", errors.Text);
        Assert.False(run.IsCompleted);

        // Nothing listens at this broker address: the started locker keeps trying to connect, and "quit" ends the run.
        var config = new DeviceConfig(setup.LockerId, "test-site", new BrokerSettings("127.0.0.1", FreeTcpPort.Find(), false, setup.LockerId, setup.Password),
            setup.Key, "devkit-4.json", heartbeatS: 5, telemetryS: 60, keypadId: "kp", scannerId: "qr", wifi: null);
        await File.WriteAllTextAsync(configPath, DeviceConfigWriter.ToJson(config));
        Assert.Equal(0, await run.WaitAsync(Timeout));
    }

    [Fact]
    public async Task SoundConfigBrokenBoard_TellsTheGatewayWhyItCannotRun_AndStopsWhenAsked()
    {
        var setup = new LockerSetup("sim-files-" + Guid.NewGuid().ToString("N")[..6]);
        await using var broker = await MosquittoBroker.StartNewAsync(setup.BrokerOptions());
        await using var gateway = await GatewayProbe.ConnectAsync(broker, setup.LockerId, TestIds.ClientId(role: "gateway"));
        var config = setup.Config(broker); // writes its TLS files into setup.ConfigDirectory, where locker.json must lie too
        var configPath = Path.Combine(setup.ConfigDirectory, "locker.json");
        var boardPath = Path.Combine(_directory, "board.json");
        await File.WriteAllTextAsync(configPath, DeviceConfigWriter.ToJson(config));
        await File.WriteAllTextAsync(boardPath, "{\"name\": 7}");
        using var stop = new CancellationTokenSource();
        var errors = new SynchronizedWriter();
        var options = CommandLine.Parse(["--config", configPath, "--board", boardPath, "--retry-seconds", "1", "--storage", Path.Combine(_directory, "flash")]);

        var run = RunCommand.RunAsync(options, new StringReader(""), TextWriter.Null, errors, stop.Token);

        await Wait.UntilAsync(() => gateway.Statuses().Any(s => s.Fault.Length > 0), Timeout, "the retained fault status");
        var status = gateway.Statuses().Last(s => s.Fault.Length > 0);
        Assert.Equal(StatusStates.Offline, status.State);
        Assert.StartsWith(boardPath + ": ", status.Fault);
        Assert.Contains(boardPath, errors.Text);
        stop.Cancel();
        Assert.Equal(RunCommand.ConfigExitCode, await run.WaitAsync(Timeout));
        setup.DeleteStorage();
    }

    private sealed class SynchronizedWriter : StringWriter
    {
        private readonly object _gate = new();

        public string Text
        {
            get { lock (_gate) return ToString(); }
        }

        public override Task WriteLineAsync(string? value)
        {
            lock (_gate) base.WriteLine(value);
            return Task.CompletedTask;
        }
    }
}
