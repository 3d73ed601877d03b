using System.Text;
using static Lockers.Bench.BenchArgs;

namespace Lockers.Bench.Gateway;

/// <summary>The pickup result as Markdown: the rate beside the SQLite baseline, the ramp, and where a pickup's time goes.</summary>
public static class PickupBenchReport
{
    public const double TargetPerSecond = 5_000;

    public static string Format(PickupBenchResult result)
    {
        var options = result.Options;
        var sustained = result.Sustained;
        var pickups = Math.Max(1, result.RecordedPickups);
        var text = new StringBuilder();
        text.AppendLine(Invariant($"Pickup throughput: PIN -> signed unlock -> door opened (code consumed) -> cmd/result -> door closed (compartment freed), {options.Lockers:N0} lockers x {options.Compartments} parcels, telemetry every {options.TelemetrySeconds} s per locker"));
        text.AppendLine(result.Machine.Line);
        if (options.Quick)
        {
            text.AppendLine("--quick: smoke-run sizes, the figures mean nothing.");
        }

        text.AppendLine();
        if (result.Ramp.Count > 0)
        {
            text.AppendLine(Invariant($"Ramp (steps of {options.StepSeconds} s, offered rate doubling until the code-to-unlock p99 passes {options.MaxP99Ms} ms or under 90% is done): {result.RampEnd ?? "-"}"));
            text.AppendLine();
            text.AppendLine("| Offered (pickups/s) | Done (pickups/s) | Skipped (all lockers busy) | p50 (ms) | p99 (ms) | max (ms) | Step |");
            text.AppendLine("|---:|---:|---:|---:|---:|---:|---|");
            foreach (var step in result.Ramp)
            {
                text.AppendLine(Invariant($"| {step.OfferedRate:N0} | {step.CompletedPerSecond:N0} | {step.Skipped:N0} | {UnlockBenchReport.Ms(step.Latency?.P50Ms)} | {UnlockBenchReport.Ms(step.Latency?.P99Ms)} | {UnlockBenchReport.Ms(step.Latency?.MaxMs)} | {(step.Passed ? "passed" : "failed")} |"));
            }

            text.AppendLine();
        }

        text.AppendLine("| Measure | Value | Baseline: SQLite single-row UPDATE commits/s | ratio | Target |");
        text.AppendLine("|---|---:|---:|---:|---|");
        text.AppendLine(Invariant($"| Sustained pickups/s, recorded by the store ({sustained.OfferedRate:N0}/s offered for {sustained.Duration.TotalSeconds:0.0} s; drain included) | {result.DurablePerSecond:N0} | {result.BaselineUpdatesPerSecond:N0} | {result.DurablePerSecond / result.BaselineUpdatesPerSecond:0.000} | >= {TargetPerSecond:N0}/s on two cores with SQLite: {UnlockBenchReport.Verdict(result.DurablePerSecond >= TargetPerSecond)} |"));
        text.AppendLine(Invariant($"| Code-to-unlock p50 / p99 / max in the sustained phase (ms) | {UnlockBenchReport.Ms(sustained.Latency?.P50Ms)} / {UnlockBenchReport.Ms(sustained.Latency?.P99Ms)} / {UnlockBenchReport.Ms(sustained.Latency?.MaxMs)} | - | - | p99 <= {options.MaxP99Ms} ms |"));
        text.AppendLine(Invariant($"| Pickups done by the lockers / recorded by the store / wrong answers / skipped | {sustained.Completed:N0} / {result.RecordedPickups:N0} / {sustained.Wrong:N0} / {sustained.Skipped:N0} | - | - | all recorded, none wrong |"));
        text.AppendLine();
        text.AppendLine("Where a pickup's time goes in the gateway (sustained phase, per recorded pickup; the locker link applies messages in arrival order, those waiting together in one group commit):");
        text.AppendLine();
        text.AppendLine("| Per pickup | Value |");
        text.AppendLine("|---|---:|");
        var wallMs = 1000.0 * result.Drained.TotalSeconds / pickups;
        text.AppendLine(Invariant($"| Wall time (phase time incl. drain / pickups; the gateway's whole budget only when saturated) | {wallMs:0.000} ms |"));
        text.AppendLine(Invariant($"| Gateway CPU (user + system, /proc) | {result.GatewayCpu.TotalMilliseconds / pickups:0.000} ms ({result.GatewayCpu / result.Drained:0.00} cores busy) |"));
        text.AppendLine(Invariant($"| Store units of work (inside a group commit they share its one COMMIT) | {result.StoreUnits / pickups:0.0} |"));
        var single = Math.Max(0, result.MessagesIn - result.GroupedMessages);
        text.AppendLine(Invariant($"| Link apply rounds: group commits + messages applied alone (ADR 0202) | {(result.GroupCommits + single) / pickups:0.00} ({result.GroupedMessages / Math.Max(1, result.MessagesIn):P0} of messages in groups, {result.GroupedMessages / Math.Max(1, result.GroupCommits):0.0} per group) |"));
        text.AppendLine(Invariant($"| Time inside store units of work (lockers_store_seconds) | {1000.0 * result.StoreSeconds / pickups:0.000} ms ({result.StoreSeconds / result.Drained.TotalSeconds:P0} of wall time) |"));
        text.AppendLine(Invariant($"| MQTT messages in (event x3, cmd/result, telemetry share) | {result.MessagesIn / pickups:0.00} |"));
        text.AppendLine(Invariant($"| Code HMAC + fixed-time compare + signing the unlock (timed in the bench process) | {result.VerificationMicrosPerPickup / 1000.0:0.000} ms |"));
        var rest = wallMs - 1000.0 * result.StoreSeconds / pickups;
        text.AppendLine(rest >= 0
            ? Invariant($"| Rest: MQTT, parsing, routing, logging, waiting (wall - store) | {rest:0.000} ms |")
            : "| Rest (wall - store) | none: units of work overlapped (the link's, the webhook dispatcher's, the health sweep's) and their time includes waiting for SQLite's write lock |");
        text.AppendLine();
        text.AppendLine(Invariant($"End-to-end acks the lockers received and verified (whole run): {result.AcksAccepted:N0}; refused: {result.AcksRefused}."));
        text.AppendLine(Invariant($"A store unit of work averages {1000.0 * result.StoreSeconds / Math.Max(1, result.StoreUnits):0.000} ms; the baseline commit takes {1000.0 / result.BaselineUpdatesPerSecond:0.000} ms. Gateway resident memory at the end: {result.GatewayResidentBytes / 1048576.0:0} MiB; error lines logged: {result.GatewayErrorLines}."));
        if (sustained.FirstProblem is { } problem)
        {
            text.AppendLine("First wrong answer: " + problem);
        }

        text.AppendLine();
        text.AppendLine("Reproduce: " + options.CommandLine);
        return text.ToString();
    }
}
