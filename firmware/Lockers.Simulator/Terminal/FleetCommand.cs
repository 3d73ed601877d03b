using Lockers.Simulator.Locker;
using Microsoft.Extensions.Logging;

namespace Lockers.Simulator.Terminal;

/// <summary>
/// <c>fleet</c>: N lockers for load, over TLS with a client certificate each (see <see cref="FleetSource"/> and
/// <see cref="Usage"/>). Prints a status line every 5 s and stops cleanly on Ctrl+C or after --seconds.
/// </summary>
public static class FleetCommand
{
    /// <summary>The command's synopsis, for the simulator's usage text.</summary>
    public const string Usage =
        "  Lockers.Simulator fleet --ca-dir DIR --count N --broker host:port      TLS: certificates issued from DIR's ca.crt and ca.key\n" +
        "  Lockers.Simulator fleet --lockers DIR [--broker host:port]             TLS: provisioned lockers, one folder each\n" +
        "  Lockers.Simulator fleet --transport plain --count N --broker 127.0.0.1:port [--user U] [--password P]   loopback only\n" +
        "      any of them: [--board FILE] [--storage DIR] [--poll-ms 50] [--seconds S] [--log info|warning]\n" +
        "      --ca-dir and plain: [--prefix sim-] [--key-seed S]";

    private static readonly TimeSpan ReportEvery = TimeSpan.FromSeconds(5);

    /// <summary>Runs the fleet; returns the exit code. Throws <see cref="ArgumentException"/> for bad options before starting anything.</summary>
    public static async Task<int> RunAsync(CommandLine options, TextWriter output, CancellationToken stop)
    {
        var level = options.Optional("log", "warning") switch
        {
            "warning" => LogLevel.Warning,
            "info" => LogLevel.Information,
            var other => throw new ArgumentException($"--log must be info or warning (got '{other}')"),
        };
        var pollInterval = TimeSpan.FromMilliseconds(options.Number("poll-ms", 50, 1, 60_000));
        int seconds = options.Number("seconds", 0, 0, int.MaxValue);
        using var logging = LoggerFactory.Create(builder => builder
            .AddSimpleConsole(console => console.SingleLine = true)
            .SetMinimumLevel(level));
        var lockerOptions = new SimulatedLockerOptions { PollInterval = pollInterval, LoggerFactory = logging };
        var (built, description) = FleetSource.Build(options, lockerOptions);
        await using var fleet = built;

        using var timeLimit = seconds > 0 ? new CancellationTokenSource(TimeSpan.FromSeconds(seconds)) : new CancellationTokenSource();
        using var both = CancellationTokenSource.CreateLinkedTokenSource(stop, timeLimit.Token);
        output.WriteLine("starting " + description);
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
