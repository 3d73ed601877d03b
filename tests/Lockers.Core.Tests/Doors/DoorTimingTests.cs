using Lockers.Core.Doors;

namespace Lockers.Core.Tests.Doors;

public class DoorTimingTests
{
    [Theory]
    [InlineData(0, 250, 3000, 120_000, 50)]
    [InlineData(2001, 250, 3000, 120_000, 50)]
    [InlineData(500, -1, 3000, 120_000, 50)]
    [InlineData(500, 10_001, 3000, 120_000, 50)]
    [InlineData(500, 250, 0, 120_000, 50)]
    [InlineData(500, 250, 3000, 0, 50)]
    [InlineData(500, 250, 3000, 120_000, -1)]
    public void OutOfRangeValue_IsRejected(int pulse, int gap, int confirm, long leftOpen, int debounce)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new DoorTiming(pulse, gap, confirm, leftOpen, debounce));
    }

    [Fact]
    public void ValidValues_AreKept()
    {
        var timing = new DoorTiming(2000, 0, 100, 1000, 0);

        Assert.Equal(2000, timing.RatedPulseMs);
        Assert.Equal(0, timing.MinGapMs);
        Assert.Equal(100, timing.OpenConfirmMs);
        Assert.Equal(1000, timing.LeftOpenMs);
        Assert.Equal(0, timing.DebounceMs);
        Assert.Equal(DoorTiming.DefaultOverPulseToleranceMs, timing.OverPulseToleranceMs);
    }

    [Fact]
    public void ZeroDebounce_NewLevelCountsOnTheFirstPoll()
    {
        var h = new DoorHarness(timing: new DoorTiming(500, 250, 3000, 120_000, 0));
        h.RunFor(100);
        h.Sensors.Set(1, true);
        h.Clock.Advance(1);
        h.Controller.Poll(h.Clock.UptimeMs);

        Assert.Equal(DoorState.Forced, h.Controller.GetState(1));
    }
}
