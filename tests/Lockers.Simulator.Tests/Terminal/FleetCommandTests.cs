using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Lockers.Core.Commands;
using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Simulator.Terminal;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;

namespace Lockers.Simulator.Tests.Terminal;

/// <summary>
/// The <c>fleet</c> command against real Mosquitto: over TLS with client certificates as identities (the shipped model),
/// from a CA folder or from provisioned lockers, and plain text only on loopback when asked for.
/// </summary>
public sealed class FleetCommandTests : IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _root = Path.Combine(Path.GetTempPath(), "lockers-fleet-cmd-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly string _prefix = "fc" + Guid.NewGuid().ToString("N")[..6] + "-";
    private readonly List<GatewayProbe> _probes = new();
    private MosquittoBroker? _broker;

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var probe in _probes)
        {
            await probe.DisposeAsync();
        }

        if (_broker is not null)
        {
            await _broker.DisposeAsync(); // fails the test if the broker logged an error
        }

        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task CaFolder_EveryLockerConnectsOverTlsWithItsOwnCertificate_AndStopsCleanly()
    {
        string[] ids = [_prefix + "00001", _prefix + "00002"];
        var broker = _broker = await MosquittoBroker.StartNewAsync(SiteBroker(ids));
        var probes = await ProbesAsync(broker, ids);
        var storage = Path.Combine(_root, "storage");

        await using (var fleet = Fleet.Start("--ca-dir", broker.Certificates!.Directory, "--count", "2", "--prefix", _prefix,
                         "--broker", $"{broker.Host}:{broker.Port}", "--storage", storage, "--board", RepositoryRoot.DevKitBoard))
        {
            // The ACL lets a client write only under its own identity's topics: a birth on each locker's topic proves that
            // the broker took the locker's id from its certificate.
            foreach (var probe in probes)
            {
                await probe.WaitForStatusAsync("online");
            }

            Assert.Equal(0, await fleet.StopAsync());
        }

        foreach (var (id, probe) in ids.Zip(probes))
        {
            await probe.WaitForStatusAsync("offline");
            var folder = Path.Combine(storage, id);
            using var certificate = X509Certificate2.CreateFromPem(await File.ReadAllTextAsync(Path.Combine(folder, "locker.crt")));
            Assert.Equal("CN=" + id, certificate.Subject);
            Assert.True(DeviceConfigLoader.Load(await File.ReadAllTextAsync(Path.Combine(folder, "locker.json"))).Broker.Tls);
            if (!OperatingSystem.IsWindows())
            {
                // Secrets at rest: the certificate's key, and the config holding the command key.
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "locker.key")));
                Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(folder, "locker.json")));
            }
        }
    }

    [Fact]
    public async Task ProvisionedFolder_EachLockerRunsWithItsOwnCertificateAndCommandKey()
    {
        string[] ids = [_prefix + "a", _prefix + "b"];
        var broker = _broker = await MosquittoBroker.StartNewAsync(SiteBroker(ids));
        var keys = new Dictionary<string, byte[]>();
        foreach (var id in ids)
        {
            // As 'locker provision --out DIR/<id>' writes it, for the site's broker on 8883; the run points it at the test broker.
            keys[id] = RandomNumberGenerator.GetBytes(32);
            await WriteProvisionedAsync(broker, Path.Combine(_root, "lockers", id), id, keys[id]);
        }

        var probes = await ProbesAsync(broker, ids);
        await using (var fleet = Fleet.Start("--lockers", Path.Combine(_root, "lockers"), "--broker", $"{broker.Host}:{broker.Port}",
                         "--board", RepositoryRoot.DevKitBoard))
        {
            foreach (var probe in probes)
            {
                await probe.WaitForStatusAsync("online");
            }

            // A fleet made up from a seed would refuse these: only the provisioned key signs for each locker.
            long expires = UnixTime.ToUnixSeconds(DateTime.UtcNow) + 60;
            foreach (var (id, probe) in ids.Zip(probes))
            {
                await probe.PublishCommandAsync(new CommandSigner(keys[id]).SignToJson(SignedCommand.Unlock(id, "open-" + id, 1, expires, 1)));
                Assert.Equal(CommandResults.Ok, (await probe.WaitForResultAsync("open-" + id)).Result);
            }

            Assert.Equal(0, await fleet.StopAsync());
        }

        Assert.True(Directory.Exists(Path.Combine(_root, "lockers", ids[0], "sim-data", ids[0])), "flash beside the config, as 'run' keeps it");
    }

    [Fact]
    public async Task PlainTransportOnLoopback_ConnectsWithPasswords()
    {
        // The one case without TLS: a load broker on this host, asked for by name.
        var broker = _broker = await MosquittoBroker.StartNewAsync(new MosquittoBrokerOptions { Tls = false });
        string[] ids = [_prefix + "00001"];
        var probes = await ProbesAsync(broker, ids);

        await using (var fleet = Fleet.Start("--transport", "plain", "--count", "1", "--prefix", _prefix, "--broker", $"{broker.Host}:{broker.Port}",
                         "--user", MosquittoBrokerOptions.DefaultUser, "--password", MosquittoBrokerOptions.DefaultPassword,
                         "--storage", Path.Combine(_root, "storage"), "--board", RepositoryRoot.DevKitBoard))
        {
            await probes[0].WaitForStatusAsync("online");
            Assert.Contains("PLAIN TEXT", fleet.Output);
            Assert.Equal(0, await fleet.StopAsync());
        }
    }

    /// <summary>
    /// As a site's broker: TLS, a client certificate from the CA required, its common name the identity, each locker
    /// confined to its topics; a probe identity per locker (<see cref="ProbeIdentity"/>) may read and write everything.
    /// </summary>
    private static MosquittoBrokerOptions SiteBroker(IEnumerable<string> lockerIds) => new()
    {
        RequireClientCertificate = true,
        AclLines =
        [
            .. lockerIds.SelectMany(id => new[] { "user " + ProbeIdentity(id), "topic readwrite #" }),
            "pattern read lockers/v1/%u/cmd", "pattern write lockers/v1/%u/status", "pattern write lockers/v1/%u/event",
            "pattern write lockers/v1/%u/telemetry", "pattern write lockers/v1/%u/cmd/result",
        ],
    };

    /// <summary>The broker identity of the probe playing the gateway for one locker (one identity is one session).</summary>
    private static string ProbeIdentity(string lockerId) => "probe-" + lockerId;

    private async Task<List<GatewayProbe>> ProbesAsync(MosquittoBroker broker, IEnumerable<string> ids, [CallerMemberName] string test = "")
    {
        var probes = new List<GatewayProbe>();
        foreach (var id in ids)
        {
            probes.Add(await GatewayProbe.ConnectAsync(broker, id, TestIds.ClientId(test, "gateway"), ProbeIdentity(id)));
        }

        _probes.AddRange(probes);
        return probes;
    }

    private static async Task WriteProvisionedAsync(MosquittoBroker broker, string folder, string id, byte[] key)
    {
        Directory.CreateDirectory(folder);
        File.Copy(broker.Certificates!.CaCertificatePath, Path.Combine(folder, "ca.crt"));
        await broker.Certificates.WriteClientCertificateAsync(id, folder, "locker");
        var config = new DeviceConfig(id, "test-site",
            new BrokerSettings("localhost", BrokerSettings.DefaultTlsPort, true, id, "", "ca.crt", "locker.crt", "locker.key"),
            key, "devkit-4.json", heartbeatS: 30, telemetryS: 300, keypadId: id, scannerId: id + "-qr", wifi: null);
        await File.WriteAllTextAsync(Path.Combine(folder, "locker.json"), DeviceConfigWriter.ToJson(config));
    }

    /// <summary>The fleet command running in the background until <see cref="StopAsync"/> (Ctrl+C) or disposal.</summary>
    private sealed class Fleet : IAsyncDisposable
    {
        private readonly CancellationTokenSource _stop = new();
        private readonly StringWriter _output = new();
        private Task<int> _run = Task.FromResult(0);

        public string Output => _output.ToString();

        public static Fleet Start(params string[] args)
        {
            var fleet = new Fleet();
            var options = CommandLine.Parse(args);
            fleet._run = Task.Run(() => FleetCommand.RunAsync(options, TextWriter.Synchronized(fleet._output), fleet._stop.Token));
            return fleet;
        }

        public async Task<int> StopAsync()
        {
            _stop.Cancel();
            return await _run.WaitAsync(Timeout);
        }

        public async ValueTask DisposeAsync()
        {
            if (!_run.IsCompleted)
            {
                await StopAsync();
            }

            _stop.Dispose();
        }
    }
}
