using System.Globalization;
using System.Text;

namespace Lockers.Bench.Mqtt;

/// <summary>The result as a Markdown table, ready to paste into docs/performance.md.</summary>
public static class MqttComparisonReport
{
    public static string Format(MqttComparisonResult result)
    {
        var options = result.Options;
        var environment = result.Environment;
        var text = new StringBuilder();
        text.AppendLine(Invariant($"MQTT client benchmark: {options.Messages:N0} QoS 1 messages of {options.PayloadSize} B, window {options.Window}, {options.Rounds} round(s) (medians); {options.RoundTrips:N0} round trips"));
        text.AppendLine(Invariant($"Machine: {environment.ProcessorCount} cores (Environment.ProcessorCount), load average at start {environment.LoadAverage}; {environment.Runtime}; node {environment.NodeVersion}; {environment.MosquittoVersion}"));
        if (options.Quick)
        {
            text.AppendLine("--quick: smoke-run sizes, the figures mean nothing.");
        }

        text.AppendLine();
        text.AppendLine("| Measure | Lockers.Mqtt | MQTT.js 5.16.0 | ours / MQTT.js |");
        text.AppendLine("|---|---:|---:|---:|");
        double ours = result.Ours.MedianMessagesPerSecond, mqttJs = result.MqttJs.MedianMessagesPerSecond;
        text.AppendLine(Invariant($"| QoS 1 publish throughput (msg/s, higher is better) | {ours:N0} | {mqttJs:N0} | {ours / mqttJs:0.00} |"));
        double oursCpu = result.Ours.MedianCpuMicrosecondsPerMessage, mqttJsCpu = result.MqttJs.MedianCpuMicrosecondsPerMessage;
        text.AppendLine(Invariant($"| Client CPU per published message (µs, lower is better) | {oursCpu:0.0} | {mqttJsCpu:0.0} | {oursCpu / mqttJsCpu:0.00} |"));
        AppendLatency(text, "p50", result.OursRoundTrip.P50Ms, result.MqttJsRoundTrip.P50Ms);
        AppendLatency(text, "p99", result.OursRoundTrip.P99Ms, result.MqttJsRoundTrip.P99Ms);
        AppendLatency(text, "max", result.OursRoundTrip.MaxMs, result.MqttJsRoundTrip.MaxMs);
        text.AppendLine();
        text.AppendLine("Throughput of every round (msg/s): Lockers.Mqtt " + Rates(result.Ours) + "; MQTT.js " + Rates(result.MqttJs));
        text.AppendLine("Lockers.Mqtt per round (benchmark loop included): allocated B/message "
            + string.Join(", ", result.Ours.Runs.Select(run => run.AllocatedBytesPerMessage.ToString("N0", CultureInfo.InvariantCulture)))
            + "; gen-0 GCs " + string.Join(", ", result.Ours.Runs.Select(run => run.Gen0Collections))
            + "; CPU µs/message " + string.Join(", ", result.Ours.Runs.Select(run => run.CpuMicrosecondsPerMessage.ToString("0.0", CultureInfo.InvariantCulture))) + ".");
        if (result.MosquittoPub is { } baseline)
        {
            text.AppendLine(Invariant($"Baseline, mosquitto_pub -l -q 1 -M {options.Window} (C, libmosquitto; includes process start): {baseline.MedianMessagesPerSecond:N0} msg/s (rounds: {Rates(baseline)})."));
        }

        text.AppendLine();
        text.AppendLine("Reproduce: " + options.CommandLine);
        return text.ToString();
    }

    private static string Rates(ThroughputSummary summary)
        => string.Join(", ", summary.Runs.Select(run => run.MessagesPerSecond.ToString("N0", CultureInfo.InvariantCulture)));

    private static void AppendLatency(StringBuilder text, string percentile, double ours, double mqttJs)
        => text.AppendLine(Invariant($"| Round trip {percentile} (ms, lower is better) | {ours:0.000} | {mqttJs:0.000} | {ours / mqttJs:0.00} |"));

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
