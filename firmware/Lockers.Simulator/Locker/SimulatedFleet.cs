using System.Security.Cryptography;
using System.Text;
using Lockers.Core.Config;

namespace Lockers.Simulator.Locker;

/// <summary>
/// N simulated lockers against one broker, for load and fault tests. Each locker has its own folder under
/// the storage root holding its device config (<c>locker.json</c>, as provisioning would write it) and its flash.
/// </summary>
public sealed class SimulatedFleet : IAsyncDisposable
{
    private readonly SimulatedFleetOptions _options;

    private SimulatedFleet(SimulatedFleetOptions options, IReadOnlyList<SimulatedLocker> lockers)
    {
        _options = options;
        Lockers = lockers;
    }

    /// <summary>The lockers, in id order.</summary>
    public IReadOnlyList<SimulatedLocker> Lockers { get; }

    /// <summary>How many lockers are connected right now.</summary>
    public int ConnectedCount => Lockers.Count(l => l.IsConnected);

    /// <summary>The command key of a fleet locker (derived from the options' seed).</summary>
    public static byte[] KeyFor(string keySeed, string lockerId) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(keySeed), Encoding.UTF8.GetBytes(lockerId));

    /// <summary>The id of the locker with 1-based <paramref name="number"/>.</summary>
    public static string IdFor(SimulatedFleetOptions options, int number) => options.IdPrefix + number.ToString("D5");

    /// <summary>Builds the lockers and writes their configs; nothing connects until <see cref="StartAsync"/>.</summary>
    public static SimulatedFleet Create(SimulatedFleetOptions options, SimulatedLockerOptions? lockerOptions = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Count is < 1 or > 100_000)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Count, "Count must be 1..100000");
        }

        var board = options.Board ?? throw new ArgumentException("a board is required", nameof(options));
        lockerOptions ??= new SimulatedLockerOptions { PollInterval = options.PollInterval };
        var lockers = new List<SimulatedLocker>(options.Count);
        for (int number = 1; number <= options.Count; number++)
        {
            var config = ConfigFor(options, IdFor(options, number));
            var folder = Path.Combine(options.StorageRoot, config.LockerId);
            Directory.CreateDirectory(folder);
            WriteTlsFiles(options, config, folder);
            File.WriteAllText(Path.Combine(folder, "locker.json"), DeviceConfigWriter.ToJson(config));
            lockers.Add(new SimulatedLocker(config, board, Path.Combine(folder, "flash"), lockerOptions, folder));
        }

        return new SimulatedFleet(options, lockers);
    }

    /// <summary>Powers every locker on, staggered by the options' pause.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        foreach (var locker in Lockers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await locker.StartAsync().ConfigureAwait(false);
            if (_options.StartStagger > TimeSpan.Zero)
            {
                await Task.Delay(_options.StartStagger, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Shuts every locker down cleanly.</summary>
    public Task StopAsync() => Task.WhenAll(Lockers.Select(l => l.StopAsync()));

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await StopAsync().ConfigureAwait(false);
        foreach (var locker in Lockers)
        {
            await locker.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static void WriteTlsFiles(SimulatedFleetOptions options, DeviceConfig config, string folder)
    {
        if (options.CaCertificatePem is { } ca)
        {
            File.WriteAllText(Path.Combine(folder, CaFile), ca);
        }

        if (options.ClientCertificates is { } issue)
        {
            var (certificate, key) = issue(config.LockerId);
            File.WriteAllText(Path.Combine(folder, CertificateFile), certificate);
            File.WriteAllText(Path.Combine(folder, KeyFile), key);
        }
    }

    private const string CaFile = "ca.crt";
    private const string CertificateFile = "locker.crt";
    private const string KeyFile = "locker.key";

    private static DeviceConfig ConfigFor(SimulatedFleetOptions options, string lockerId)
    {
        var tls = options.CaCertificatePem is not null;
        var withCertificate = tls && options.ClientCertificates is not null;
        var broker = new BrokerSettings(options.BrokerHost, options.BrokerPort, tls, options.UserName ?? lockerId, withCertificate ? "" : options.Password,
            tls ? CaFile : "", withCertificate ? CertificateFile : "", withCertificate ? KeyFile : "");
        var config = new DeviceConfig(
            lockerId, options.SiteId, broker, KeyFor(options.KeySeed, lockerId), options.BoardFile,
            options.HeartbeatS, options.TelemetryS, lockerId + "-kp", lockerId + "-qr", wifi: null);
        config.Validate();
        return config;
    }
}
