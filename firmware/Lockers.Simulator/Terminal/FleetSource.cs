using System.Net;
using Lockers.Core.Board;
using Lockers.Hosting;
using Lockers.Simulator.Locker;

namespace Lockers.Simulator.Terminal;

/// <summary>
/// Builds the <c>fleet</c> command's lockers from its options, in one of three ways. Over TLS (the default, as every link
/// runs, ADR 0204), each locker has its own client certificate: issued from a CA folder (<c>--ca-dir</c>) for made-up
/// lockers, or the certificates of provisioned lockers (<c>--lockers</c>). Plain text with passwords only when asked for
/// (<c>--transport plain</c>) and only to a loopback broker, for a load broker on the same host.
/// Everything is checked before any locker folder is written.
/// </summary>
public static class FleetSource
{
    private static readonly string[] Common = ["transport", "board", "storage", "poll-ms", "seconds", "log"];
    private static readonly string[] MadeUp = ["count", "broker", "prefix", "key-seed"];

    /// <summary>The lockers, and a line saying what they are and where they connect.</summary>
    public static (SimulatedFleet Fleet, string Description) Build(CommandLine options, SimulatedLockerOptions lockerOptions)
    {
        var transport = options.Optional("transport", "tls");
        return transport switch
        {
            "tls" when options.Has("lockers") => FromProvisioned(options, lockerOptions),
            "tls" when options.Has("ca-dir") => FromCa(options, lockerOptions),
            "tls" => throw new ArgumentException(
                "fleet runs over TLS: give --ca-dir DIR (a CA's ca.crt and ca.key, to issue each locker a certificate) or " +
                "--lockers DIR (provisioned lockers); plain text only with --transport plain to a loopback broker"),
            "plain" => Plain(options, lockerOptions),
            _ => throw new ArgumentException($"--transport must be tls or plain (got '{transport}')"),
        };
    }

    /// <summary>True for an address of this host only: 127.0.0.0/8, ::1 or "localhost".</summary>
    public static bool IsLoopback(string host) =>
        string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

    private static (SimulatedFleet, string) FromCa(CommandLine options, SimulatedLockerOptions lockerOptions)
    {
        options.AllowOnly("--ca-dir (TLS, each locker's certificate is its identity: no --user or --password)", [.. Common, .. MadeUp, "ca-dir"]);
        var fleetOptions = MadeUpOptions(options);
        var directory = options.Required("ca-dir");
        using var certificates = FleetCertificates.Open(directory);
        fleetOptions.CaCertificatePem = certificates.CaCertificatePem;
        fleetOptions.ClientCertificates = certificates.Issue;
        var fleet = SimulatedFleet.Create(fleetOptions, lockerOptions);
        return (fleet, $"{fleetOptions.Count} lockers against {fleetOptions.BrokerHost}:{fleetOptions.BrokerPort} over TLS, " +
                       $"certificates from the CA in {directory} (storage {fleetOptions.StorageRoot})");
    }

    private static (SimulatedFleet, string) Plain(CommandLine options, SimulatedLockerOptions lockerOptions)
    {
        options.AllowOnly("--transport plain", [.. Common, .. MadeUp, "user", "password"]);
        var fleetOptions = MadeUpOptions(options);
        if (!IsLoopback(fleetOptions.BrokerHost))
        {
            throw new ArgumentException($"--transport plain only to a broker on this host (127.0.0.1, ::1, localhost), not " +
                                        $"'{fleetOptions.BrokerHost}': anyone on the network could read the codes and keys; use --ca-dir or --lockers");
        }

        fleetOptions.UserName = options.Optional("user");
        fleetOptions.Password = options.Optional("password", "locker")!;
        var fleet = SimulatedFleet.Create(fleetOptions, lockerOptions);
        return (fleet, $"{fleetOptions.Count} lockers against {fleetOptions.BrokerHost}:{fleetOptions.BrokerPort} in PLAIN TEXT " +
                       $"(loopback only; storage {fleetOptions.StorageRoot})");
    }

    private static (SimulatedFleet, string) FromProvisioned(CommandLine options, SimulatedLockerOptions lockerOptions)
    {
        options.AllowOnly("--lockers (each provisioned locker brings its own id, key and certificate)", [.. Common, "lockers", "broker"]);
        var root = options.Required("lockers");
        var found = ProvisionedLockers.Find(root);
        foreach (var locker in found)
        {
            if (!locker.Config.Broker.Tls || !locker.Config.Broker.HasClientCertificate)
            {
                throw new ArgumentException($"locker '{locker.Config.LockerId}' in '{locker.Directory}' is not provisioned for TLS with a " +
                                            "client certificate: provision it again with 'Lockers.Gateway locker provision'");
            }

            // Read now, so a missing or broken file is named before any locker starts (each reads them again at power-on).
            var tls = DeviceTlsFiles.Load(locker.Config.Broker, locker.Directory)!;
            tls.CaCertificate?.Dispose();
            tls.ClientCertificate?.Dispose();
        }

        var broker = options.Broker();
        lockerOptions.BrokerHost = broker?.Host;
        lockerOptions.BrokerPort = broker?.Port ?? 0;
        var boards = new Dictionary<string, BoardDefinition>(StringComparer.Ordinal);
        string? storage = options.Optional("storage");
        var lockers = found.Select(locker => new SimulatedLocker(
            locker.Config,
            Board(options.Optional("board") ?? Path.Combine("hardware", "boards", locker.Config.BoardFile), boards),
            Path.Combine(storage ?? Path.Combine(locker.Directory, "sim-data"), locker.Config.LockerId),
            lockerOptions,
            locker.Directory)).ToList();
        var where = broker is { } address ? $"{address.Host}:{address.Port}" : "the brokers their configs name";
        return (SimulatedFleet.FromLockers(lockers, new SimulatedFleetOptions().StartStagger),
            $"{lockers.Count} provisioned lockers from {root} against {where} over TLS");
    }

    private static SimulatedFleetOptions MadeUpOptions(CommandLine options)
    {
        var broker = options.Broker() ?? throw new ArgumentException("--broker host:port is required");
        string boardPath = options.Optional("board", Path.Combine("hardware", "boards", "devkit-4.json"))!;
        return new SimulatedFleetOptions
        {
            Count = options.Number("count", 10, 1, 100_000),
            BrokerHost = broker.Host,
            BrokerPort = broker.Port,
            IdPrefix = options.Optional("prefix", "sim-")!,
            KeySeed = options.Optional("key-seed", "lockers-simulated-fleet")!,
            StorageRoot = options.Optional("storage", Path.Combine(Path.GetTempPath(), "lockers-fleet"))!,
            Board = BoardLoader.Load(File.ReadAllText(boardPath)),
            BoardFile = Path.GetFileName(boardPath),
            PollInterval = TimeSpan.FromMilliseconds(options.Number("poll-ms", 50, 1, 60_000)),
        };
    }

    private static BoardDefinition Board(string path, Dictionary<string, BoardDefinition> loaded)
    {
        if (!loaded.TryGetValue(path, out var board))
        {
            board = BoardLoader.Load(File.ReadAllText(path));
            loaded[path] = board;
        }

        return board;
    }
}
