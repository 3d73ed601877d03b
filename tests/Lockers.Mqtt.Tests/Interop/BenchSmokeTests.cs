using Lockers.Bench.Mqtt;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// Runs the core of `./lockers bench mqtt` at --quick size so the benchmark cannot rot unnoticed. It checks that the run
/// completes and yields figures; it never judges a time (that is the benchmark's job, on a quiet machine).
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task MqttComparison_QuickRun_CompletesWithFiguresForEveryClient()
    {
        var progress = new StringWriter();

        var result = await MqttComparison.RunAsync(MqttBenchOptions.QuickRun, progress).WaitAsync(TimeSpan.FromMinutes(5));

        Assert.True(result.Ours.MedianMessagesPerSecond > 0, "our throughput");
        Assert.True(result.MqttJs.MedianMessagesPerSecond > 0, "MQTT.js throughput");
        Assert.True(result.MqttJs.MedianCpuMicrosecondsPerMessage > 0, "MQTT.js CPU per message");
        Assert.True(result.MqttNet.MedianMessagesPerSecond > 0, "MQTTnet throughput");
        Assert.True(result.MqttNet.MedianCpuMicrosecondsPerMessage > 0, "MQTTnet CPU per message");
        Assert.True(result.MosquittoPub?.MedianMessagesPerSecond > 0, "mosquitto_pub baseline");
        Assert.Equal(MqttBenchOptions.QuickRun.RoundTrips, result.OursRoundTrip.Count);
        Assert.Equal(MqttBenchOptions.QuickRun.RoundTrips, result.MqttJsRoundTrip.Count);
        Assert.Equal(MqttBenchOptions.QuickRun.RoundTrips, result.MqttNetRoundTrip.Count);
        Assert.True(result.OursRoundTrip.P50Ms > 0 && result.MqttJsRoundTrip.P50Ms > 0 && result.MqttNetRoundTrip.P50Ms > 0, "round-trip figures");
        var report = MqttComparisonReport.Format(result);
        Assert.Contains("./lockers bench mqtt --quick", report);
        Assert.Contains("| MQTTnet 5.2.0 |", report);
    }

    [Fact]
    public void Parse_KnownOptions_SetSizes()
    {
        var options = MqttBenchOptions.Parse(new[] { "--messages", "1000", "--roundtrips", "20", "--window", "10" });

        Assert.Equal(1000, options.Messages);
        Assert.Equal(20, options.RoundTrips);
        Assert.Equal(10, options.Window);
        Assert.Equal("./lockers bench mqtt --messages 1000 --roundtrips 20 --window 10 --size 100 --rounds 3", options.CommandLine);
    }

    [Fact]
    public void Parse_UnknownOption_IsRejectedWithUsage()
    {
        var error = Assert.Throws<ArgumentException>(() => MqttBenchOptions.Parse(new[] { "--fast" }));
        Assert.Contains("Usage:", error.Message);
    }

    [Fact]
    public void LatencySummary_HundredSamples_UsesNearestRank()
    {
        var summary = LatencySummary.FromSamples(Enumerable.Range(1, 100).Select(i => (double)i).Reverse().ToList());

        Assert.Equal(50, summary.P50Ms);
        Assert.Equal(99, summary.P99Ms);
        Assert.Equal(100, summary.MaxMs);
    }
}
