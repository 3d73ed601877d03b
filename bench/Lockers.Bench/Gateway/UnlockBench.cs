using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Gateway;

/// <summary>
/// `./lockers bench unlock`: code entered to signed unlock received, through a private Mosquitto, with N lockers
/// connected and their telemetry going on. Baseline in the same run, same broker and same locker connections:
/// an echo client answering on the cmd topic instead of the gateway.
/// </summary>
public static class UnlockBench
{
    public static async Task<UnlockBenchResult> RunAsync(UnlockBenchOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var machine = await BenchMachine.DescribeAsync();
        await using var broker = await BenchBroker.StartAsync(options.Transport);
        using var data = new BenchDirectory();
        progress.WriteLine($"Seeding {options.Lockers:N0} lockers with a parcel each ...");
        var seeded = await BenchFleet.SeedAsync(data.Path, options.Lockers, 16, 1, progress);
        await using var swarm = new LockerSwarm(broker, TimeSpan.FromSeconds(options.TelemetrySeconds));
        progress.WriteLine($"Connecting {options.Lockers:N0} lockers ...");
        if (await swarm.ConnectAsync(seeded, cancellationToken) is { } failure)
        {
            throw new InvalidOperationException($"Only {swarm.Lockers.Count:N0} of {options.Lockers:N0} lockers connected: {failure}");
        }

        await swarm.StartTelemetryAsync();

        progress.WriteLine("Baseline: bare MQTT request/response (echo client) ...");
        RoundTripFigures bare;
        await using (var echo = await EchoResponder.StartAsync(broker))
        {
            foreach (var locker in swarm.Lockers)
            {
                locker.AcceptEcho = true;
            }

            bare = await RoundTripRun.RunAsync(swarm.Lockers, options.Warmup, options.RoundTrips, expectUnlock: false, cancellationToken);
            foreach (var locker in swarm.Lockers)
            {
                locker.AcceptEcho = false;
                locker.BeginEpoch();
            }
        }

        progress.WriteLine("Gateway: code entered -> signed unlock ...");
        await using var gateway = await GatewayProcess.StartAsync(data.Path, broker, options.GatewaySettings);
        await GatewayDrain.WaitForMessagesAsync(gateway, options.Lockers, TimeSpan.FromMinutes(5));
        var metricsBefore = await gateway.ScrapeAsync();
        var cpuBefore = gateway.CpuTime();
        var telemetryBefore = swarm.TelemetrySent;
        var started = System.Diagnostics.Stopwatch.StartNew();
        var viaGateway = await RoundTripRun.RunAsync(swarm.Lockers, options.Warmup, options.RoundTrips, expectUnlock: true, cancellationToken);
        var elapsed = started.Elapsed;
        var cpu = gateway.CpuTime() - cpuBefore;
        var background = (swarm.TelemetrySent - telemetryBefore) / elapsed.TotalSeconds;
        var metricsAfter = await gateway.ScrapeAsync();
        var codeEntries = options.Warmup + options.RoundTrips;
        return new UnlockBenchResult(options, machine, bare, viaGateway, background, cpu / elapsed, gateway.ErrorLines,
            (metricsAfter.StoreUnits - metricsBefore.StoreUnits - 1) / codeEntries,
            1000 * (metricsAfter.StoreSeconds - metricsBefore.StoreSeconds) / codeEntries, cpu.TotalMilliseconds / codeEntries,
            swarm.Lockers.Sum(l => l.AcksAccepted), swarm.Lockers.Sum(l => l.AcksRefused));
    }
}

/// <summary>Figures of one `./lockers bench unlock` run.</summary>
/// <param name="TelemetryPerSecond">Background telemetry rate during the gateway phase (messages/s).</param>
/// <param name="GatewayCores">Gateway CPU time over wall time during the gateway phase (1.0 = one core busy).</param>
/// <param name="GatewayErrorLines">Error lines the gateway logged (should be 0).</param>
/// <param name="StoreUnitsPerCode">Gateway store units of work per code entry (its answer's cmd/result and the telemetry included).</param>
/// <param name="StoreMsPerCode">Milliseconds inside those units of work per code entry.</param>
/// <param name="CpuMsPerCode">Gateway CPU milliseconds per code entry.</param>
public sealed record UnlockBenchResult(
    UnlockBenchOptions Options, BenchMachine Machine, RoundTripFigures Bare, RoundTripFigures Gateway, double TelemetryPerSecond,
    double GatewayCores, long GatewayErrorLines, double StoreUnitsPerCode, double StoreMsPerCode, double CpuMsPerCode,
    long AcksAccepted = 0, long AcksRefused = 0);
