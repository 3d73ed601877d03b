using System.Diagnostics;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Gateway;

/// <summary>
/// `./lockers bench fleet`: lockers per gateway. Connects simulated lockers in steps, each with telemetry at the
/// production interval and the production keep-alive; at each step reads the gateway process's CPU time over a
/// steady window and its memory, and times unlock round trips. Stops at the first step whose lockers cannot all
/// connect and says why. The baseline is the same gateway with no locker connected, in the same run.
/// </summary>
public static class FleetBench
{
    public static async Task<FleetBenchResult> RunAsync(FleetBenchOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        var machine = await BenchMachine.DescribeAsync();
        await using var broker = await BenchBroker.StartAsync(options.Transport);
        using var data = new BenchDirectory();
        var most = options.Steps[^1];
        progress.WriteLine($"Seeding {most:N0} lockers with a parcel each ...");
        var seeded = await BenchFleet.SeedAsync(data.Path, most, 8, 1, progress);
        await using var gateway = await GatewayProcess.StartAsync(data.Path, broker, options.GatewaySettings);
        await Task.Delay(TimeSpan.FromSeconds(options.Quick ? 1 : 5), cancellationToken);
        var idle = await MeasureAsync(gateway, broker, null, TimeSpan.FromSeconds(options.MeasureSeconds), cancellationToken);

        await using var swarm = new LockerSwarm(broker, TimeSpan.FromSeconds(options.TelemetrySeconds));
        var steps = new List<FleetStep>();
        string? stoppedBecause = null;
        foreach (var target in options.Steps)
        {
            var messagesBefore = (await gateway.ScrapeAsync()).MessagesIn;
            var already = swarm.Lockers.Count;
            progress.WriteLine($"Step {target:N0}: connecting {target - already:N0} more lockers ...");
            var connectClock = Stopwatch.StartNew();
            await swarm.StopTelemetryAsync();
            var failure = await swarm.ConnectAsync(seeded.Skip(already).Take(target - already), cancellationToken);
            var connectTime = connectClock.Elapsed;
            if (failure is not null)
            {
                stoppedBecause = $"at {target:N0}: {swarm.Lockers.Count:N0} connected, then {failure}";
                progress.WriteLine("  stopped " + stoppedBecause);
                break;
            }

            await swarm.StartTelemetryAsync();
            // Every birth handled (one status message per new locker) before the steady window starts.
            await GatewayDrain.WaitForMessagesAsync(gateway, messagesBefore + (target - already), TimeSpan.FromMinutes(5));
            var drainTime = connectClock.Elapsed;
            var steady = await MeasureAsync(gateway, broker, swarm, TimeSpan.FromSeconds(options.MeasureSeconds), cancellationToken);
            progress.WriteLine($"  timing {options.RoundTrips:N0} unlock round trips ...");
            var roundTrips = await RoundTripRun.RunAsync(SpreadSample(swarm.Lockers, options.RoundTrips), options.Quick ? 2 : 100,
                options.RoundTrips, expectUnlock: true, cancellationToken);
            steps.Add(new FleetStep(target, connectTime, drainTime, steady, roundTrips));
            progress.WriteLine($"  {steady.Cores:0.00} cores, {steady.ResidentBytes / 1048576.0:0} MiB resident, p99 {roundTrips.Latency?.P99Ms:0.0} ms");
        }

        return new FleetBenchResult(options, machine, idle, steps, stoppedBecause, gateway.ErrorLines);
    }

    /// <summary>Gateway and broker CPU over a window of steady traffic, then their memory (the lockers' TLS sessions live in the broker).</summary>
    private static async Task<FleetSteady> MeasureAsync(
        GatewayProcess gateway, MosquittoBroker broker, LockerSwarm? swarm, TimeSpan window, CancellationToken cancellationToken)
    {
        using var brokerProcess = Process.GetProcessById(broker.ProcessId ?? throw new InvalidOperationException("the bench broker is not running"));
        var telemetryBefore = swarm?.TelemetrySent ?? 0;
        var metricsBefore = await gateway.ScrapeAsync();
        var cpuBefore = gateway.CpuTime();
        var brokerCpuBefore = brokerProcess.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        await Task.Delay(window, cancellationToken);
        var cpu = gateway.CpuTime() - cpuBefore;
        brokerProcess.Refresh();
        var brokerCpu = brokerProcess.TotalProcessorTime - brokerCpuBefore;
        var elapsed = clock.Elapsed;
        var (resident, anonymous) = gateway.Memory();
        var metricsAfter = await gateway.ScrapeAsync();
        return new FleetSteady(cpu / elapsed, resident, anonymous, ((swarm?.TelemetrySent ?? 0) - telemetryBefore) / elapsed.TotalSeconds,
            (metricsAfter.StoreUnits - metricsBefore.StoreUnits - 1) / elapsed.TotalSeconds,
            (metricsAfter.StoreSeconds - metricsBefore.StoreSeconds) / elapsed.TotalSeconds)
        {
            BrokerCores = brokerCpu / elapsed,
            BrokerResidentBytes = brokerProcess.WorkingSet64,
        };
    }

    /// <summary>Lockers spread over the whole fleet (not only the first ones connected).</summary>
    private static List<BenchLocker> SpreadSample(IReadOnlyList<BenchLocker> lockers, int count)
    {
        var take = Math.Min(count, lockers.Count);
        return Enumerable.Range(0, take).Select(i => lockers[(int)((long)i * lockers.Count / take)]).ToList();
    }
}

/// <summary>
/// The gateway in steady state: CPU in cores (1.0 = one busy core), memory, the telemetry rate it was taking, and its
/// store: units of work per second and the share of wall time spent inside one (1.0 = the single writer always busy).
/// </summary>
public sealed record FleetSteady(double Cores, long ResidentBytes, long AnonymousBytes, double TelemetryPerSecond, double StoreUnitsPerSecond, double StoreBusy)
{
    /// <summary>The broker's CPU in cores over the same window: with TLS, where the lockers' handshakes and encryption cost.</summary>
    public double BrokerCores { get; init; }

    /// <summary>The broker's resident set (VmRSS), bytes: every locker's session, and its TLS state with TLS.</summary>
    public long BrokerResidentBytes { get; init; }
}

/// <summary>One step: lockers connected, how long connecting and the gateway's catching up took, steady state, round trips.</summary>
public sealed record FleetStep(int Lockers, TimeSpan ConnectTime, TimeSpan ConnectAndDrainTime, FleetSteady Steady, RoundTripFigures RoundTrips);

/// <summary>Figures of one `./lockers bench fleet` run; <see cref="Idle"/> is the gateway with no locker connected.</summary>
public sealed record FleetBenchResult(
    FleetBenchOptions Options, BenchMachine Machine, FleetSteady Idle, IReadOnlyList<FleetStep> Steps, string? StoppedBecause, long GatewayErrorLines);
