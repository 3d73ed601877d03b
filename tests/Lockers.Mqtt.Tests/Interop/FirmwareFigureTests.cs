using Lockers.Bench.Firmware;

namespace Lockers.Mqtt.Tests.Interop;

/// <summary>
/// The firmware benchmark's verdict against a target: the targets read "under 2,048 B per pickup" and "0 B per key
/// press", so a figure equal to a positive target misses it and only exactly 0 meets a 0-byte target.
/// </summary>
public sealed class FirmwareFigureTests
{
    [Theory]
    [InlineData(2047.5, true)]
    [InlineData(2047, true)]
    [InlineData(2048, false)]
    [InlineData(2048.5, false)]
    public void MeetsTarget_PositiveTarget_OnlyUnderItIsMet(double bytesPerOp, bool met)
    {
        var figure = new FirmwareFigure("pickup", bytesPerOp, 0, FirmwareBench.PickupTargetBytes);

        Assert.Equal(met, figure.MeetsTarget);
    }

    [Theory]
    [InlineData(0, true)]
    [InlineData(0.5, false)]
    [InlineData(8, false)]
    public void MeetsTarget_ZeroTarget_OnlyExactlyZeroIsMet(double bytesPerOp, bool met)
    {
        var figure = new FirmwareFigure("key press", bytesPerOp, 0, FirmwareBench.KeyPressTargetBytes);

        Assert.Equal(met, figure.MeetsTarget);
    }

    [Fact]
    public void MeetsTarget_NoTarget_IsAlwaysMet()
    {
        Assert.True(new FirmwareFigure("telemetry", 264, 134).MeetsTarget);
    }

    [Fact]
    public void Report_FigureAtTheTarget_SaysMissed()
    {
        var options = FirmwareBenchOptions.QuickRun;
        var pickup = new FirmwareFigure("pickup", 2048, 668, FirmwareBench.PickupTargetBytes);
        var result = new FirmwareBenchResult(options, 2, ".NET", new[] { pickup }, Array.Empty<FirmwareFigure>(), Array.Empty<FirmwareFigure>());

        Assert.Contains("< 2,048 B: MISSED", FirmwareBenchReport.Format(result));
    }
}
