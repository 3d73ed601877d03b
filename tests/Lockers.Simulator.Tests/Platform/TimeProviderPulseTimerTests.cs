using Lockers.Core.Doors;
using Lockers.Simulator.Hardware;
using Lockers.Hosting;
using Lockers.Testing;

namespace Lockers.Simulator.Tests.Platform;

/// <summary>The simulator's pulse timer under the core's PulseGuard, on simulated doors, with time moved by hand.</summary>
public class TimeProviderPulseTimerTests
{
    private readonly FakeTimeProvider _time = new();
    private readonly SimulatedCabinet _cabinet = new(new[] { 1, 2, 3 });
    private readonly TimeProviderPulseTimer _timer;
    private readonly SystemClock _clock;
    private readonly PulseGuard _guard;

    public TimeProviderPulseTimerTests()
    {
        _timer = new TimeProviderPulseTimer(_time);
        _clock = new SystemClock(_time);
        _guard = new PulseGuard(new SimulatedSolenoidPort(_cabinet), _timer, _clock);
    }

    [Fact]
    public void NoMainLoop_CoilReleasedWhenThePulseEnds()
    {
        _guard.Energise(3, 500, _clock.UptimeMs);

        _time.Advance(TimeSpan.FromMilliseconds(499));
        Assert.True(_cabinet[3].IsEnergised);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.False(_cabinet[3].IsEnergised);
        Assert.Equal(1, _guard.CutOffCount);
    }

    [Fact]
    public void ReleasedByTheLoop_TimerDisarmed_NothingFiresLater()
    {
        _guard.Energise(2, 500, _clock.UptimeMs);
        _time.Advance(TimeSpan.FromMilliseconds(100));

        _guard.Release(2, _clock.UptimeMs);
        _time.Advance(TimeSpan.FromSeconds(5));

        Assert.False(_cabinet[2].IsEnergised);
        Assert.Equal(0, _guard.CutOffCount);
    }

    [Fact]
    public void Dispose_RemovesTheTimer()
    {
        _timer.Dispose();

        Assert.Equal(0, _time.ActiveTimerCount);
    }
}
