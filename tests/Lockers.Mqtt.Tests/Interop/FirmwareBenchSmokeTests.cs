using Lockers.Bench.Firmware;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// Runs `./lockers bench firmware` at --quick size so the benchmark cannot rot unnoticed. It checks that every
/// operation yields a figure and the report prints; targets are judged by the benchmark itself (and the key-press
/// one by tests/Lockers.Core.Tests/Performance).
/// </summary>
public sealed class FirmwareBenchSmokeTests
{
    [Fact]
    public void FirmwareBench_QuickRun_CompletesWithFiguresForEveryOperation()
    {
        var result = FirmwareBench.Run(FirmwareBenchOptions.QuickRun);

        Assert.Equal(6, result.Operations.Count);
        Assert.All(result.Operations, figure => Assert.True(figure.BytesPerOp >= 0, figure.Operation));
        var pickup = Assert.Single(result.Operations, figure => figure.Operation.StartsWith("pickup", StringComparison.Ordinal));
        Assert.True(pickup.BytesPerOp > 0 && pickup.WireBytesPerOp > 0, "a pickup allocates its payloads and moves them");
        Assert.Equal(5, result.PickupPhases.Count);
        Assert.NotEmpty(result.Parts);
        Assert.Contains("./lockers bench firmware --quick", FirmwareBenchReport.Format(result));
    }

    [Fact]
    public void Parse_KnownOptions_SetSizes()
    {
        var options = FirmwareBenchOptions.Parse(new[] { "--iterations", "50", "--warmup", "7" });

        Assert.Equal(50, options.Iterations);
        Assert.Equal(7, options.Warmup);
        Assert.Equal("./lockers bench firmware --iterations 50 --warmup 7", options.CommandLine);
    }

    [Fact]
    public void Parse_UnknownOption_IsRejectedWithUsage()
    {
        var error = Assert.Throws<ArgumentException>(() => FirmwareBenchOptions.Parse(new[] { "--fast" }));
        Assert.Contains("Usage:", error.Message);
    }
}
