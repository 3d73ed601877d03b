using System.Globalization;
using System.Text.Json;
using Lockers.Bench.Interop;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Mqtt;

/// <summary>Runs tests/interop/mqttjs-bench.js (MQTT.js) against the same broker with the same sizes.</summary>
internal static class MqttJsBench
{
    private const string Script = "mqttjs-bench.js";

    /// <summary>MQTT.js publishing <see cref="MqttBenchOptions.Messages"/> QoS 1 messages with the same window.</summary>
    public static async Task<ThroughputRun> ThroughputAsync(MosquittoBroker broker, string topic, MqttBenchOptions options, TimeSpan timeout)
    {
        var result = await RunAsync(broker, topic, "throughput", options, timeout);
        return new ThroughputRun(options.Messages, result.GetProperty("seconds").GetDouble(), result.GetProperty("cpuSeconds").GetDouble());
    }

    /// <summary>MQTT.js's round-trip samples in milliseconds.</summary>
    public static async Task<IReadOnlyList<double>> RoundTripAsync(MosquittoBroker broker, string topic, MqttBenchOptions options, TimeSpan timeout)
    {
        var result = await RunAsync(broker, topic, "roundtrip", options, timeout);
        return result.GetProperty("samplesMs").EnumerateArray().Select(sample => sample.GetDouble()).ToList();
    }

    private static async Task<JsonElement> RunAsync(MosquittoBroker broker, string topic, string mode, MqttBenchOptions options, TimeSpan timeout)
    {
        var arguments = new Dictionary<string, string>
        {
            ["host"] = broker.Host,
            ["port"] = broker.Port.ToString(CultureInfo.InvariantCulture),
            ["username"] = MosquittoBrokerOptions.DefaultUser,
            ["password"] = MosquittoBrokerOptions.DefaultPassword,
            ["topic"] = topic,
            ["mode"] = mode,
            ["messages"] = Text(options.Messages),
            ["window"] = Text(options.Window),
            ["size"] = Text(options.PayloadSize),
            ["roundtrips"] = Text(options.RoundTrips),
            ["warmup"] = Text(mode == "throughput" ? options.ThroughputWarmup : options.RoundTripWarmup),
            ["client-id"] = "bench-mqttjs",
        };
        await using var node = NodeInterop.Start(Script, arguments);
        string line = await node.ReadLineUntilAsync(IsResultOrError, timeout, $"its {mode} result");
        using var document = JsonDocument.Parse(line);
        var root = document.RootElement;
        if (root.GetProperty("event").GetString() == "error")
        {
            throw new InvalidOperationException($"{Script} --mode {mode} failed: {root.GetProperty("message").GetString()}\n{node.Transcript}");
        }

        int exitCode = await node.WaitForExitAsync(TimeSpan.FromSeconds(30));
        if (exitCode != 0)
        {
            throw new InvalidOperationException($"{Script} --mode {mode} exited with {exitCode}:\n{node.Transcript}");
        }

        return root.Clone();

        static bool IsResultOrError(string line) => line.StartsWith('{');
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);
}
