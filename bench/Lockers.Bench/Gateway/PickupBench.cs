using System.Diagnostics;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Gateway;

/// <summary>
/// `./lockers bench pickup`: pickups per second through the gateway's real flow (code check, signed unlock, door
/// opened consumes the code, door closed frees the compartment), ramped until the code-to-unlock p99 passes the
/// limit, then sustained; counted as done only once the store has recorded them. Baseline in the same run:
/// committed single-row SQLite updates per second with the store's settings.
/// </summary>
public static class PickupBench
{
    public static async Task<PickupBenchResult> RunAsync(PickupBenchOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var machine = await BenchMachine.DescribeAsync();
        using var data = new BenchDirectory();
        progress.WriteLine("Baseline: committed single-row SQLite updates ...");
        var baseline = await SqliteUpdateBaseline.MeasureAsync(data.Path, TimeSpan.FromSeconds(options.Quick ? 0.5 : 5));
        var verificationMicros = VerificationCost.MicrosecondsPerPickup(options.Quick ? 200 : 20_000);

        await using var broker = await BenchBroker.StartAsync(options.Transport);
        progress.WriteLine($"Seeding {options.Lockers:N0} lockers x {options.Compartments} parcels ...");
        var seeded = await BenchFleet.SeedAsync(data.Path, options.Lockers, options.Compartments, options.Compartments, progress);
        await using var swarm = new LockerSwarm(broker, TimeSpan.FromSeconds(options.TelemetrySeconds));
        progress.WriteLine($"Connecting {options.Lockers:N0} lockers ...");
        if (await swarm.ConnectAsync(seeded, cancellationToken) is { } failure)
        {
            throw new InvalidOperationException($"Only {swarm.Lockers.Count:N0} of {options.Lockers:N0} lockers connected: {failure}");
        }

        await swarm.StartTelemetryAsync();
        await using var gateway = await GatewayProcess.StartAsync(data.Path, broker, options.GatewaySettings);
        await GatewayDrain.WaitForMessagesAsync(gateway, options.Lockers, TimeSpan.FromMinutes(5));

        // Untimed first: JIT, SQLite page cache and connection pool warm up on the door and consumption paths too.
        progress.WriteLine($"Warm-up: {Math.Max(1, options.StartRate / 2):N0} pickups/s for {options.StepSeconds} s (not reported) ...");
        var warmup = await PickupLoad.RunAsync(swarm.Lockers, Math.Max(1, options.StartRate / 2), TimeSpan.FromSeconds(options.Quick ? 1 : options.StepSeconds),
            options.MaxP99Ms, cancellationToken);
        var done = warmup.Completed;
        // Each step starts with the gateway caught up, so a step does not inherit the previous one's backlog.
        async Task CatchUpAsync() => await GatewayDrain.WaitForPickupsAsync(gateway, done, Stopwatch.StartNew(), TimeSpan.FromMinutes(2));
        await CatchUpAsync();
        var ramp = new List<PickupStep>();
        var rate = options.Rate;
        string? rampEnd = null;
        if (rate == 0)
        {
            var offered = options.StartRate;
            while (true)
            {
                if (ParcelsLeft(swarm) < offered * options.StepSeconds * 1.2)
                {
                    rampEnd = $"parcels ran short for a step at {offered:N0}/s";
                    break;
                }

                progress.WriteLine($"Ramp: {offered:N0} pickups/s offered for {options.StepSeconds} s ...");
                var step = await PickupLoad.RunAsync(swarm.Lockers, offered, TimeSpan.FromSeconds(options.StepSeconds), options.MaxP99Ms, cancellationToken);
                ramp.Add(step);
                done += step.Completed;
                await CatchUpAsync();
                progress.WriteLine($"  done {step.CompletedPerSecond:N0}/s, p99 {step.Latency?.P99Ms:0.0} ms, skipped {step.Skipped:N0}: {(step.Passed ? "passed" : "failed")}");
                if (!step.Passed)
                {
                    rampEnd = step.Latency is { } l && l.P99Ms > options.MaxP99Ms
                        ? $"p99 {l.P99Ms:0.0} ms above {options.MaxP99Ms} ms at {offered:N0}/s offered"
                        : $"only {step.CompletedPerSecond:N0}/s done of {offered:N0}/s offered";
                    break;
                }

                offered *= 2;
            }

            rate = ramp.LastOrDefault(step => step.Passed)?.OfferedRate ?? Math.Max(1, options.StartRate / 2);
        }

        // Sustained phase: as long as asked, or as long as the parcels last at this rate.
        var seconds = Math.Min(options.DurationSeconds, ParcelsLeft(swarm) / (double)rate);
        var before = await gateway.ScrapeAsync();
        var scrapesBefore = gateway.Scrapes;
        var cpuBefore = gateway.CpuTime();
        var clock = Stopwatch.StartNew();
        progress.WriteLine($"Sustained: {rate:N0} pickups/s offered for {seconds:0.#} s ...");
        var sustained = await PickupLoad.RunAsync(swarm.Lockers, rate, TimeSpan.FromSeconds(seconds), options.MaxP99Ms, cancellationToken);
        var drained = await GatewayDrain.WaitForPickupsAsync(gateway, before.Pickups + sustained.Completed, clock, TimeSpan.FromMinutes(2));
        var cpu = gateway.CpuTime() - cpuBefore;
        var after = await gateway.ScrapeAsync();
        var (resident, _) = gateway.Memory();
        return new PickupBenchResult(options, machine, baseline, ramp, rampEnd, sustained, drained, after.Pickups - before.Pickups,
            cpu, after.StoreUnits - before.StoreUnits - (gateway.Scrapes - scrapesBefore), after.StoreSeconds - before.StoreSeconds, after.MessagesIn - before.MessagesIn,
            verificationMicros, resident, gateway.ErrorLines, after.GroupCommits - before.GroupCommits, after.GroupedMessages - before.GroupedMessages,
            swarm.Lockers.Sum(l => l.AcksAccepted), swarm.Lockers.Sum(l => l.AcksRefused));
    }

    private static int ParcelsLeft(LockerSwarm swarm) => swarm.Lockers.Sum(locker => locker.Seeded.Parcels.Count);
}

/// <summary>Figures of one `./lockers bench pickup` run; the where-the-time-goes figures are from the sustained phase.</summary>
/// <param name="BaselineUpdatesPerSecond">Committed single-row SQLite updates per second, store settings.</param>
/// <param name="Drained">From the first pickup offered until the store had recorded every sustained pickup.</param>
/// <param name="StoreUnits">Gateway store units of work in the sustained phase (its /metrics histogram; the scrape's own removed).</param>
/// <param name="GroupCommits">The link's group commits in the sustained phase; <paramref name="GroupedMessages"/> the messages they applied.</param>
public sealed record PickupBenchResult(
    PickupBenchOptions Options, BenchMachine Machine, double BaselineUpdatesPerSecond, IReadOnlyList<PickupStep> Ramp, string? RampEnd,
    PickupStep Sustained, TimeSpan Drained, double RecordedPickups, TimeSpan GatewayCpu, double StoreUnits, double StoreSeconds,
    double MessagesIn, double VerificationMicrosPerPickup, long GatewayResidentBytes, long GatewayErrorLines,
    double GroupCommits, double GroupedMessages, long AcksAccepted = 0, long AcksRefused = 0)
{
    /// <summary>Pickups recorded by the store per second of the sustained phase, drain included.</summary>
    public double DurablePerSecond => RecordedPickups / Drained.TotalSeconds;
}
