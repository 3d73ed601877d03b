using System.Security.Cryptography;
using System.Text;
using Lockers.Core.Config;

namespace Lockers.Simulator.Locker;

/// <summary>
/// N simulated lockers against one broker, for load and fault tests: made up from options (<see cref="Create"/>), each with
/// its own folder under the storage root holding its device config (<c>locker.json</c>, as provisioning would write it),
/// TLS files and flash; or lockers built elsewhere, such as provisioned ones (<see cref="FromLockers"/>).
/// </summary>
public sealed class SimulatedFleet : IAsyncDisposable
{
    private readonly TimeSpan _startStagger;

    private SimulatedFleet(IReadOnlyList<SimulatedLocker> lockers, TimeSpan startStagger)
    {
        _startStagger = startStagger;
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
            WritePrivate(Path.Combine(folder, ConfigFile), DeviceConfigWriter.ToJson(config)); // holds the command key
            lockers.Add(new SimulatedLocker(config, board, Path.Combine(folder, "flash"), lockerOptions, folder));
        }

        return new SimulatedFleet(lockers, options.StartStagger);
    }

    /// <summary>A fleet of lockers built by the caller (for example from provisioned folders), started <paramref name="startStagger"/> apart.</summary>
    public static SimulatedFleet FromLockers(IReadOnlyList<SimulatedLocker> lockers, TimeSpan startStagger)
    {
        ArgumentNullException.ThrowIfNull(lockers);
        return lockers.Count > 0 ? new SimulatedFleet(lockers, startStagger) : throw new ArgumentException("a fleet needs at least one locker", nameof(lockers));
    }

    /// <summary>Powers every locker on, staggered by the options' pause.</summary>
    public async Task StartAsync(CancellationToken cancellationToken = default)
    {
        foreach (var locker in Lockers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await locker.StartAsync().ConfigureAwait(false);
            if (_startStagger > TimeSpan.Zero)
            {
                await Task.Delay(_startStagger, cancellationToken).ConfigureAwait(false);
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
            WritePrivate(Path.Combine(folder, KeyFile), key);
        }
    }

    /// <summary>
    /// Writes a secret readable by its owner only (0600), through a temporary file renamed over the old one, so a file
    /// left 0644 by an earlier run does not keep its mode and the secret is never readable by others, even for a moment.
    /// </summary>
    private static void WritePrivate(string path, string text)
    {
        var temporary = path + ".tmp";
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        File.Delete(temporary);
        using (var writer = new StreamWriter(new FileStream(temporary, options)))
        {
            writer.Write(text);
        }

        File.Move(temporary, path, overwrite: true);
    }

    private const string ConfigFile = "locker.json";
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
