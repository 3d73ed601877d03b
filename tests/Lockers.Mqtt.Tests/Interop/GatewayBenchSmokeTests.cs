using Lockers.Bench.Gateway;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// Runs `./lockers bench unlock`, `pickup` and `fleet` at --quick size (a few lockers, a few seconds; a real Mosquitto
/// and the built gateway as its own process) so these benchmarks cannot rot unnoticed. They check that every code
/// entry was answered with a valid signed unlock, that counts are above zero and that the table prints; they never
/// judge a time (that is the benchmark's job, on a quiet machine). One class: the three run one after the other.
/// </summary>
public sealed class GatewayBenchSmokeTests
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task UnlockBench_QuickRun_AnswersEveryCodeWithAValidUnlock()
    {
        var options = UnlockBenchOptions.QuickRun;

        var result = await UnlockBench.RunAsync(options, new StringWriter()).WaitAsync(RunTimeout);

        Assert.Equal((options.RoundTrips, 0), (result.Gateway.Answered, result.Gateway.Wrong));
        Assert.Equal((options.RoundTrips, 0), (result.Bare.Answered, result.Bare.Wrong));
        Assert.True(result.Gateway.Latency!.P50Ms > 0 && result.Bare.Latency!.P50Ms > 0, "round-trip figures");
        Assert.Equal(0, result.GatewayErrorLines);
        var report = UnlockBenchReport.Format(result);
        Assert.Contains("| Round trip p99 (ms) |", report);
        Assert.Contains("./lockers bench unlock --quick", report);
    }

    [Fact]
    public async Task PickupBench_QuickRun_RecordsEveryPickupInTheStore()
    {
        var result = await PickupBench.RunAsync(PickupBenchOptions.QuickRun, new StringWriter()).WaitAsync(RunTimeout);

        Assert.True(result.Sustained.Completed > 0, "pickups done");
        Assert.Equal(0, result.Sustained.Wrong);
        Assert.Equal(result.Sustained.Completed, result.RecordedPickups);
        Assert.True(result.BaselineUpdatesPerSecond > 0 && result.StoreUnits > 0 && result.GatewayCpu > TimeSpan.Zero, "baseline and where the time goes");
        Assert.Equal(0, result.GatewayErrorLines);
        Assert.Contains("./lockers bench pickup --quick", PickupBenchReport.Format(result));
    }

    [Fact]
    public async Task FleetBench_QuickRun_ReachesEveryStepWithUnlocksAnswered()
    {
        var options = FleetBenchOptions.QuickRun;

        var result = await FleetBench.RunAsync(options, new StringWriter()).WaitAsync(RunTimeout);

        Assert.Null(result.StoppedBecause);
        Assert.Equal(options.Steps, result.Steps.Select(step => step.Lockers));
        Assert.All(result.Steps, step =>
        {
            Assert.Equal((options.RoundTrips, 0), (step.RoundTrips.Answered, step.RoundTrips.Wrong));
            Assert.True(step.Steady.ResidentBytes > 0, "gateway memory read");
        });
        Assert.Equal(0, result.GatewayErrorLines);
        Assert.Contains("./lockers bench fleet --quick", FleetBenchReport.Format(result));
    }

    [Fact]
    public void Parse_KnownOptions_SetSizesAndTheCommandLine()
    {
        Assert.Equal("./lockers bench unlock --lockers 10 --roundtrips 5 --warmup 200 --telemetry-s 300",
            UnlockBenchOptions.Parse(["--lockers", "10", "--roundtrips", "5"]).CommandLine);
        Assert.Equal("./lockers bench pickup --lockers 1000 --compartments 32 --duration 30 --rate 100 --max-p99-ms 50 --telemetry-s 300",
            PickupBenchOptions.Parse(["--rate", "100"]).CommandLine);
        Assert.Equal([1, 5], FleetBenchOptions.Parse(["--steps", "5,1"]).Steps);
    }

    [Fact]
    public void Parse_UnknownOption_IsRejectedWithUsage()
    {
        Assert.Contains("Usage:", Assert.Throws<ArgumentException>(() => FleetBenchOptions.Parse(["--fast"])).Message);
    }
}
