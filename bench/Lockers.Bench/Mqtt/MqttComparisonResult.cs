namespace Lockers.Bench.Mqtt;

/// <summary>Figures of one `./lockers bench mqtt` run.</summary>
public sealed record MqttComparisonResult(
    MqttBenchOptions Options,
    ThroughputSummary Ours,
    ThroughputSummary MqttJs,
    ThroughputSummary MqttNet,
    ThroughputSummary? MosquittoPub,
    LatencySummary OursRoundTrip,
    LatencySummary MqttJsRoundTrip,
    LatencySummary MqttNetRoundTrip,
    MqttBenchEnvironment Environment);

/// <summary>What the figures were measured on.</summary>
public sealed record MqttBenchEnvironment(int ProcessorCount, string Runtime, string NodeVersion, string MosquittoVersion, string LoadAverage);
