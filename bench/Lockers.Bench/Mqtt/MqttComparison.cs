using System.Runtime.InteropServices;
using Lockers.Bench.Interop;
using Lockers.Testing.Mosquitto;

namespace Lockers.Bench.Mqtt;

/// <summary>
/// The core of `./lockers bench mqtt`: one private Mosquitto, then our client, MQTT.js and MQTTnet doing the same work
/// through it, in turn, in this run. Also called by the smoke test with <see cref="MqttBenchOptions.QuickRun"/>.
/// </summary>
public static class MqttComparison
{
    public static async Task<MqttComparisonResult> RunAsync(MqttBenchOptions options, TextWriter progress, CancellationToken cancellationToken = default)
    {
        // Fail before starting anything when node or MQTT.js are missing.
        NodeInterop.RequireScript("mqttjs-bench.js");
        var environment = await DescribeEnvironmentAsync();
        // Saving the persistence database after every change would measure the disk, not the clients.
        // Plain TCP on purpose: this compares MQTT clients (ours, MQTT.js, mosquitto_pub), not transports; TLS costs are in
        // the unlock and fleet benchmarks (--transport).
        await using var broker = await MosquittoBroker.StartNewAsync(new MosquittoBrokerOptions { SaveOnEveryChange = false, Tls = false });
        string root = "bench/" + Guid.NewGuid().ToString("N")[..8];
        // Generous: a loaded shared machine may run 10x slower than an idle one, but a hang must still end.
        var timeout = TimeSpan.FromSeconds(120 + options.Messages / 100 + options.RoundTrips / 10);

        var ours = new List<ThroughputRun>();
        var mqttJs = new List<ThroughputRun>();
        var mqttNet = new List<ThroughputRun>();
        var baseline = new List<ThroughputRun>();
        for (int round = 1; round <= options.Rounds; round++)
        {
            // Taking turns, and rotating who goes first, spreads slow phases of the machine's other load and the
            // broker's own warm-up (the first run through a fresh broker is slower) over every client.
            progress.WriteLine($"Round {round}/{options.Rounds}, Mosquitto on {broker.Host}:{broker.Port}.");
            int turn = round;
            var runs = new (List<ThroughputRun> Into, Func<Task<ThroughputRun>> Run)[]
            {
                (ours, () => LockersClientBench.ThroughputAsync(broker, $"{root}/ours/tp{turn}", options, cancellationToken).WaitAsync(timeout, cancellationToken)),
                (mqttJs, () => MqttJsBench.ThroughputAsync(broker, $"{root}/mqttjs/tp{turn}", options, timeout)),
                (mqttNet, () => MqttNetBench.ThroughputAsync(broker, $"{root}/mqttnet/tp{turn}", options, cancellationToken).WaitAsync(timeout, cancellationToken)),
            };
            for (int i = 0; i < runs.Length; i++)
            {
                var (into, run) = runs[(round - 1 + i) % runs.Length];
                into.Add(await run());
            }

            if (options.Baseline)
            {
                progress.WriteLine("Throughput: mosquitto_pub baseline...");
                baseline.Add(await MosquittoPubBaseline.ThroughputAsync(broker, $"{root}/mosquitto_pub/tp{round}", options, timeout));
            }
        }

        progress.WriteLine("Round trip: Lockers.Mqtt...");
        var oursRoundTrip = await LockersClientBench.RoundTripAsync(broker, root + "/ours/rt", options, cancellationToken).WaitAsync(timeout, cancellationToken);
        progress.WriteLine("Round trip: MQTT.js...");
        var mqttJsRoundTrip = await MqttJsBench.RoundTripAsync(broker, root + "/mqttjs/rt", options, timeout);
        progress.WriteLine("Round trip: MQTTnet...");
        var mqttNetRoundTrip = await MqttNetBench.RoundTripAsync(broker, root + "/mqttnet/rt", options, cancellationToken).WaitAsync(timeout, cancellationToken);

        return new MqttComparisonResult(options, new ThroughputSummary(ours), new ThroughputSummary(mqttJs), new ThroughputSummary(mqttNet),
            options.Baseline ? new ThroughputSummary(baseline) : null,
            LatencySummary.FromSamples(oursRoundTrip.ToList()), LatencySummary.FromSamples(mqttJsRoundTrip.ToList()),
            LatencySummary.FromSamples(mqttNetRoundTrip.ToList()), environment);
    }

    private static async Task<MqttBenchEnvironment> DescribeEnvironmentAsync()
    {
        string nodeVersion = await FirstLineAsync(NodeInterop.FindNode(), "--version");
        string mosquittoVersion = await FirstLineAsync(MosquittoBinary.Find(), "-h");
        string loadAverage = File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
        return new MqttBenchEnvironment(Environment.ProcessorCount, RuntimeInformation.FrameworkDescription, nodeVersion, mosquittoVersion, loadAverage);
    }

    private static async Task<string> FirstLineAsync(string fileName, string argument)
    {
        await using var process = ExternalProcess.Start(fileName, new[] { argument });
        return (await process.ReadLineAsync(TimeSpan.FromSeconds(10)))?.Trim() ?? "unknown";
    }
}
