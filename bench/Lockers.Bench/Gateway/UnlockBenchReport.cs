using System.Text;
using Lockers.Bench.Mqtt;
using static Lockers.Bench.BenchArgs;

namespace Lockers.Bench.Gateway;

/// <summary>The unlock result as a Markdown table, targets beside the figures (printed, never asserted).</summary>
public static class UnlockBenchReport
{
    public const double P99TargetMs = 10;
    public const double P50RatioTarget = 2;

    public static string Format(UnlockBenchResult result)
    {
        var options = result.Options;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Unlock round trip: code_entered published -> signed unlock received, {options.RoundTrips:N0} round trips per phase ({options.Warmup:N0} untimed first), one at a time over {options.Lockers:N0} connected lockers"));
        text.AppendLine(result.Machine.Line);
        text.AppendLine(Invariant($"Background: telemetry every {options.TelemetrySeconds} s per locker at QoS 0 ({result.TelemetryPerSecond:0.0} msg/s measured), MQTT keep-alive {BenchLocker.HeartbeatInterval.TotalSeconds:0} s"));
        if (options.Quick)
        {
            text.AppendLine("--quick: smoke-run sizes, the figures mean nothing.");
        }

        text.AppendLine();
        text.AppendLine("| Measure | Gateway (signed unlock) | Bare MQTT (echo client) | gateway / bare | Target |");
        text.AppendLine("|---|---:|---:|---:|---|");
        var gateway = result.Gateway.Latency;
        var bare = result.Bare.Latency;
        Row(text, "Round trip p50 (ms)", gateway?.P50Ms, bare?.P50Ms, Invariant($"gateway adds at most {P50RatioTarget:0}x at p50: {Verdict(gateway is { } g && bare is { } b && g.P50Ms / b.P50Ms <= P50RatioTarget)}"));
        Row(text, "Round trip p99 (ms)", gateway?.P99Ms, bare?.P99Ms, Invariant($"p99 < {P99TargetMs:0} ms on loopback: {Verdict(gateway is { P99Ms: < P99TargetMs })}"));
        Row(text, "Round trip max (ms)", gateway?.MaxMs, bare?.MaxMs, "-");
        text.AppendLine(Invariant($"| Answered / attempted | {result.Gateway.Answered:N0} / {result.Gateway.Attempted:N0} | {result.Bare.Answered:N0} / {result.Bare.Attempted:N0} | - | every unlock valid |"));
        text.AppendLine();
        text.AppendLine(Invariant($"Gateway process CPU during its phase: {result.GatewayCores:0.00} cores; error lines logged: {result.GatewayErrorLines}."));
        text.AppendLine(Invariant($"End-to-end acks the lockers received and verified (whole run): {result.AcksAccepted:N0}; refused: {result.AcksRefused}."));
        text.AppendLine(Invariant($"Where the gateway's time goes, per code entry (its cmd/result answer and the telemetry of the phase included): {result.StoreUnitsPerCode:0.0} store units of work, {result.StoreMsPerCode:0.000} ms inside them, {result.CpuMsPerCode:0.000} ms of gateway CPU."));
        if ((result.Gateway.FirstProblem ?? result.Bare.FirstProblem) is { } problem)
        {
            text.AppendLine("First wrong answer: " + problem);
        }

        text.AppendLine();
        text.AppendLine("Reproduce: " + options.CommandLine);
        return text.ToString();
    }

    internal static string Verdict(bool met) => met ? "**met**" : "**missed**";

    private static void Row(StringBuilder text, string measure, double? gateway, double? bare, string target)
    {
        var ratio = gateway is { } g && bare is { } b && b > 0 ? Invariant($"{g / b:0.00}") : "-";
        text.AppendLine(Invariant($"| {measure} | {Ms(gateway)} | {Ms(bare)} | {ratio} | {target} |"));
    }

    internal static string Ms(double? value) => value is { } v ? Invariant($"{v:0.000}") : "-";
}
