using Lockers.Core.Doors;
using Lockers.Core.Ports;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Doors;

/// <summary>The pulse cut-off on its own: the host's timer releases the coil whether or not anyone else does.</summary>
public class PulseGuardTests
{
    private readonly FakeClock _clock = new(1_000);
    private readonly FakeSolenoidPort _solenoids;
    private readonly FakePulseTimer _timer;
    private readonly PulseGuard _guard;

    public PulseGuardTests()
    {
        _solenoids = new FakeSolenoidPort(_clock);
        _timer = new FakePulseTimer(_clock);
        _guard = new PulseGuard(_solenoids, _timer, _clock);
    }

    [Fact]
    public void Energise_ArmsTheCutOffBeforeTheCoilGoesOn()
    {
        long dueWhenEnergised = -2;
        var guard = new PulseGuard(new ObservingSolenoids(() => dueWhenEnergised = _timer.DueAtMs), _timer, _clock);

        guard.Energise(3, 400, _clock.UptimeMs);

        Assert.Equal(1_400, dueWhenEnergised);
    }

    [Fact]
    public void NobodyReleases_TimerReleasesTheCoilExactlyAtThePulseEnd()
    {
        _guard.Energise(2, 500, _clock.UptimeMs);

        _clock.Advance(499);
        Assert.False(_timer.FireIfDue());
        Assert.Equal(new[] { 2 }, _solenoids.Energised.ToArray());
        _clock.Advance(1);
        Assert.True(_timer.FireIfDue());

        var pulse = Assert.Single(_solenoids.Pulses);
        Assert.Equal(500, pulse.LengthMs);
        Assert.Empty(_solenoids.Energised);
        Assert.Equal(1, _guard.CutOffCount);
    }

    [Fact]
    public void ReleasedFirst_DisarmsTheTimer_AndALateCallbackChangesNothing()
    {
        _guard.Energise(2, 500, _clock.UptimeMs);
        _clock.Advance(120);

        Assert.Equal(1_120, _guard.Release(2, _clock.UptimeMs));
        Assert.Equal(-1, _timer.DueAtMs);
        int calls = _solenoids.Calls.Count;
        _timer.Fire(); // a callback already on its way when Cancel ran

        Assert.Equal(calls, _solenoids.Calls.Count);
        Assert.Equal(0, _guard.CutOffCount);
    }

    [Fact]
    public void ReleaseAfterTheCutOff_ReportsWhenTheCoilWasReleased_WithoutSwitchingAgain()
    {
        _guard.Energise(4, 500, _clock.UptimeMs);
        _clock.Advance(500);
        _timer.FireIfDue();
        _clock.Advance(2_000); // the main loop comes back two seconds later

        long releasedAt = _guard.Release(4, _clock.UptimeMs);

        Assert.Equal(1_500, releasedAt);
        Assert.Equal(2, _solenoids.Calls.Count); // on, then the timer's off
    }

    [Fact]
    public void StaleCallbackDuringTheNextPulse_DoesNotCutItShort_AndItsOwnEndStillCounts()
    {
        _guard.Energise(1, 500, _clock.UptimeMs);
        _clock.Advance(100);
        _guard.Release(1, _clock.UptimeMs);
        _clock.Advance(300);
        _guard.Energise(2, 500, _clock.UptimeMs); // ends at 1_900

        _clock.Advance(50);
        _timer.Fire(); // left over from the first pulse

        Assert.Equal(new[] { 2 }, _solenoids.Energised.ToArray());
        Assert.Equal(1_900, _timer.DueAtMs); // re-armed for the remainder
        _clock.Advance(450);
        Assert.True(_timer.FireIfDue());
        Assert.Empty(_solenoids.Energised);
        Assert.Equal(500, _solenoids.Pulses.Last().LengthMs);
    }

    [Fact]
    public void EnergiseWhileAnotherIsOn_ReleasesTheOtherFirst()
    {
        _guard.Energise(1, 500, _clock.UptimeMs);
        _clock.Advance(10);

        _guard.Energise(2, 500, _clock.UptimeMs); // the fake would throw if 1 were still on

        Assert.Equal(new[] { 2 }, _solenoids.Energised.ToArray());
        Assert.Equal(10, _solenoids.Pulses.Single().LengthMs);
    }

    [Fact]
    public void PortFailsOnTheTimersRelease_AllOffFromTheTimer_AndTheNextReleaseReportsTheFault()
    {
        var solenoids = new FailingReleaseSolenoids();
        var guard = new PulseGuard(solenoids, _timer, _clock);
        guard.Energise(5, 500, _clock.UptimeMs);
        _clock.Advance(500);

        _timer.FireIfDue(); // must not throw on the timer's thread

        Assert.Equal(1, solenoids.AllOffCount);
        Assert.Throws<InvalidOperationException>(() => guard.Release(5, _clock.UptimeMs));
        Assert.Equal(1_500, guard.Release(5, _clock.UptimeMs)); // reported once
    }

    [Fact]
    public void AllOff_DisarmsTheTimer()
    {
        _guard.Energise(2, 500, _clock.UptimeMs);

        _guard.AllOff(_clock.UptimeMs);

        Assert.Equal(-1, _timer.DueAtMs);
        Assert.Empty(_solenoids.Energised);
        Assert.Equal(1, _solenoids.AllOffCount);
    }

    [Fact]
    public void Constructor_RejectsMissingPorts()
    {
        Assert.Throws<ArgumentNullException>(() => new PulseGuard(null!, _timer, _clock));
        Assert.Throws<ArgumentNullException>(() => new PulseGuard(_solenoids, null!, _clock));
        Assert.Throws<ArgumentNullException>(() => new PulseGuard(_solenoids, _timer, null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => _guard.Energise(1, 0, 0));
    }

    private sealed class ObservingSolenoids(Action onEnergise) : ISolenoidPort
    {
        public void SetEnergised(int compartment, bool on)
        {
            if (on) onEnergise();
        }

        public void AllOff()
        {
        }
    }

    private sealed class FailingReleaseSolenoids : ISolenoidPort
    {
        public int AllOffCount { get; private set; }

        public void SetEnergised(int compartment, bool on)
        {
            if (!on) throw new IOException("I2C NACK");
        }

        public void AllOff() => AllOffCount++;
    }
}
