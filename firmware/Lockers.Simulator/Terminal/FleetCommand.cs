using Lockers.Core.Board;
using Lockers.Simulator.Locker;
using Microsoft.Extensions.Logging;

namespace Lockers.Simulator.Terminal;

/// <summary>
/// <c>fleet --count N --broker host:port [--board FILE] [--user U] [--password P] [--prefix sim-] [--key-seed S]
/// [--storage DIR] [--poll-ms 50] [--seconds S] [--log info|warning]</c>: N lockers for load. Prints a status line every 5 s and
/// stops cleanly on Ctrl+C or after --seconds.
/// </summary>
public static class FleetCommand
{
    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    /// <summary>Runs the fleet; returns the exit code.</summary>
    public static async Task<int> RunAsync(CommandLine options, TextWriter output, CancellationToken stop)
    {
        var broker = options.Broker() ?? throw new ArgumentException("--broker host:port is required");
        string boardPath = options.Optional("board", Path.Combine("hardware", "boards", "devkit-4.json"))!;
        var fleetOptions = new SimulatedFleetOptions
        {
            Count = options.Number("count", 10),
            BrokerHost = broker.Host,
            BrokerPort = broker.Port,
            UserName = options.Optional("user"),
            Password = options.Optional("password", "locker")!,
            IdPrefix = options.Optional("prefix", "sim-")!,
            KeySeed = options.Optional("key-seed", "lockers-simulated-fleet")!,
            StorageRoot = options.Optional("storage", Path.Combine(Path.GetTempPath(), "lockers-fleet"))!,
            Board = BoardLoader.Load(File.ReadAllText(boardPath)),
            BoardFile = Path.GetFileName(boardPath),
            PollInterval = TimeSpan.FromMilliseconds(options.Number("poll-ms", 50)),
        };
        int seconds = options.Number("seconds", 0);
        using var timeLimit = seconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : new CancellationTokenSource();
        using var both = CancellationTokenSource.CreateLinkedTokenSource(stop, timeLimit.Token);

        using var logging = LoggerFactory.Create(builder => builder
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(options.Optional("log", "warning") == "info" ? LogLevel.Information : LogLevel.Warning));
        var lockerOptions = new SimulatedLockerOptions { PollInterval = fleetOptions.PollInterval, LoggerFactory = logging };
        await using var fleet = SimulatedFleet.Create(fleetOptions, lockerOptions);
        output.WriteLine($"starting {fleetOptions.Count} lockers against {broker.Host}:{broker.Port} (storage {fleetOptions.StorageRoot})");
        try
        {
            await fleet.StartAsync(both.Token);
            using var report = new PeriodicTimer(ReportEvery);
            while (await report.WaitForNextTickAsync(both.Token))
            {
                int journal = fleet.Lockers.Sum(l => l.Controller?.JournalDepth ?? 0);
                output.WriteLine($"{DateTime.UtcNow:HH:mm:ss} connected {fleet.ConnectedCount}/{fleet.Lockers.Count}  journaled events waiting {journal}");
            }
        }
        catch (OperationCanceledException)
        {
            // Ctrl+C or the time limit.
        }

        output.WriteLine("stopping");
        return 0;
    }
}
