using System.Text;
using static Lockers.Bench.BenchArgs;

namespace Lockers.Bench.Gateway;

/// <summary>The fleet result as Markdown: per step, gateway CPU and memory per locker beside the idle gateway, and the round trip.</summary>
public static class FleetBenchReport
{
    public const int TargetLockers = 20_000;

    public static string Format(FleetBenchResult result)
    {
        var options = result.Options;
        var idle = result.Idle;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Lockers per gateway: steps {string.Join(", ", options.Steps.Select(s => s.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)))}; telemetry every {options.TelemetrySeconds} s per locker (QoS 0), keep-alive {BenchLocker.HeartbeatInterval.TotalSeconds:0} s; CPU over {options.MeasureSeconds} s of steady state; {options.RoundTrips:N0} unlock round trips per step"));
        text.AppendLine(result.Machine.Line);
        if (options.Quick)
        {
            text.AppendLine("--quick: smoke-run sizes, the figures mean nothing.");
        }

        text.AppendLine();
        text.AppendLine("| Lockers | Connect + gateway caught up (s) | Telemetry (msg/s) | Gateway CPU (cores) | CPU per locker (µs/s) | Store units/s | Store busy | Resident (MiB) | Resident per locker (KiB, above idle) | Anonymous per locker (KiB, above idle) | Broker CPU (cores) | Broker CPU per locker (µs/s) | Broker resident (MiB) | Broker resident per locker (KiB, above idle) | Unlock p50 (ms) | Unlock p99 (ms) | Unlock max (ms) | Answered | p99 < 10 ms |");
        text.AppendLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        text.AppendLine(Invariant($"| 0 (idle gateway, baseline) | - | - | {idle.Cores:0.000} | - | {idle.StoreUnitsPerSecond:0} | {idle.StoreBusy:P0} | {idle.ResidentBytes / 1048576.0:0} | - | - | {idle.BrokerCores:0.000} | - | {idle.BrokerResidentBytes / 1048576.0:0} | - | - | - | - | - | - |"));
        foreach (var step in result.Steps)
        {
            var steady = step.Steady;
            var latency = step.RoundTrips.Latency;
            text.AppendLine(Invariant($"| {step.Lockers:N0} | {step.ConnectAndDrainTime.TotalSeconds:0.0} | {steady.TelemetryPerSecond:0.0} | {steady.Cores:0.000} | {1e6 * (steady.Cores - idle.Cores) / step.Lockers:0.0} | {steady.StoreUnitsPerSecond:0} | {steady.StoreBusy:P0} | {steady.ResidentBytes / 1048576.0:0} | {(steady.ResidentBytes - idle.ResidentBytes) / 1024.0 / step.Lockers:0.0} | {(steady.AnonymousBytes - idle.AnonymousBytes) / 1024.0 / step.Lockers:0.0} | {steady.BrokerCores:0.000} | {1e6 * (steady.BrokerCores - idle.BrokerCores) / step.Lockers:0.0} | {steady.BrokerResidentBytes / 1048576.0:0} | {(steady.BrokerResidentBytes - idle.BrokerResidentBytes) / 1024.0 / step.Lockers:0.0} | {UnlockBenchReport.Ms(latency?.P50Ms)} | {UnlockBenchReport.Ms(latency?.P99Ms)} | {UnlockBenchReport.Ms(latency?.MaxMs)} | {step.RoundTrips.Answered:N0} / {step.RoundTrips.Attempted:N0} | {UnlockBenchReport.Verdict(latency is { P99Ms: < UnlockBenchReport.P99TargetMs } && step.RoundTrips.Wrong == 0)} |"));
        }

        text.AppendLine();
        var reached = result.Steps.Count > 0 ? result.Steps[^1].Lockers : 0;
        var met = reached >= TargetLockers && result.Steps[^1].RoundTrips.Latency is { P99Ms: < UnlockBenchReport.P99TargetMs };
        text.AppendLine(Invariant($"Reached {reached:N0} lockers. Target {TargetLockers:N0} lockers with the round-trip target met: {UnlockBenchReport.Verdict(met)}."));
        if (result.StoppedBecause is { } reason)
        {
            text.AppendLine("Stopped " + reason);
        }

        text.AppendLine(Invariant($"Gateway error lines logged: {result.GatewayErrorLines}. CPU per locker is the step's CPU minus the idle gateway's, per locker, per second of steady state."));
        var problem = result.Steps.Select(step => step.RoundTrips.FirstProblem).FirstOrDefault(p => p is not null);
        if (problem is not null)
        {
            text.AppendLine("First wrong answer: " + problem);
        }

        text.AppendLine();
        text.AppendLine("Reproduce: " + options.CommandLine);
        return text.ToString();
    }
}
