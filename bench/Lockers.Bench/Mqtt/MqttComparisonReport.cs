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
        text.AppendLine("| Measure | Lockers.Mqtt | MQTT.js 5.16.0 | MQTTnet 5.2.0 | ours / MQTT.js | ours / MQTTnet |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        AppendRow(text, "QoS 1 publish throughput (msg/s, higher is better)", "N0",
            result.Ours.MedianMessagesPerSecond, result.MqttJs.MedianMessagesPerSecond, result.MqttNet.MedianMessagesPerSecond);
        AppendRow(text, "Client CPU per published message (µs, lower is better)", "0.0",
            result.Ours.MedianCpuMicrosecondsPerMessage, result.MqttJs.MedianCpuMicrosecondsPerMessage, result.MqttNet.MedianCpuMicrosecondsPerMessage);
        AppendRow(text, "Round trip p50 (ms, lower is better)", "0.000", result.OursRoundTrip.P50Ms, result.MqttJsRoundTrip.P50Ms, result.MqttNetRoundTrip.P50Ms);
        AppendRow(text, "Round trip p99 (ms, lower is better)", "0.000", result.OursRoundTrip.P99Ms, result.MqttJsRoundTrip.P99Ms, result.MqttNetRoundTrip.P99Ms);
        AppendRow(text, "Round trip max (ms, lower is better)", "0.000", result.OursRoundTrip.MaxMs, result.MqttJsRoundTrip.MaxMs, result.MqttNetRoundTrip.MaxMs);
        text.AppendLine();
        text.AppendLine("Throughput of every round (msg/s): Lockers.Mqtt " + Rates(result.Ours) + "; MQTT.js " + Rates(result.MqttJs)
            + "; MQTTnet " + Rates(result.MqttNet));
        text.AppendLine("CPU µs/message of every round: Lockers.Mqtt " + Cpu(result.Ours) + "; MQTT.js " + Cpu(result.MqttJs) + "; MQTTnet " + Cpu(result.MqttNet) + ".");
        AppendDotNetRounds(text, "Lockers.Mqtt", result.Ours);
        AppendDotNetRounds(text, "MQTTnet", result.MqttNet);
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

    private static string Cpu(ThroughputSummary summary)
        => string.Join(", ", summary.Runs.Select(run => run.CpuMicrosecondsPerMessage.ToString("0.0", CultureInfo.InvariantCulture)));

    private static void AppendRow(StringBuilder text, string measure, string format, double ours, double mqttJs, double mqttNet)
        => text.AppendLine(Invariant($"| {measure} | {ours.ToString(format, CultureInfo.InvariantCulture)} | {mqttJs.ToString(format, CultureInfo.InvariantCulture)} | {mqttNet.ToString(format, CultureInfo.InvariantCulture)} | {ours / mqttJs:0.00} | {ours / mqttNet:0.00} |"));

    // The .NET clients run in the bench process, so their allocations and collections are measured too.
    private static void AppendDotNetRounds(StringBuilder text, string client, ThroughputSummary summary)
        => text.AppendLine(client + " per round (benchmark loop included): allocated B/message "
            + string.Join(", ", summary.Runs.Select(run => run.AllocatedBytesPerMessage.ToString("N0", CultureInfo.InvariantCulture)))
            + "; gen-0 GCs " + string.Join(", ", summary.Runs.Select(run => run.Gen0Collections)) + ".");

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
