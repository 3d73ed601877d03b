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
    MqttBenchEnvironment Environment)
{
    /// <summary>Our median rate divided by MQTT.js's; above 1 means our client published faster.</summary>
    public double ThroughputRatio => Ours.MedianMessagesPerSecond / MqttJs.MedianMessagesPerSecond;
}

/// <summary>What the figures were measured on.</summary>
public sealed record MqttBenchEnvironment(int ProcessorCount, string Runtime, string NodeVersion, string MosquittoVersion, string LoadAverage);
