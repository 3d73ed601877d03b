using Lockers.Core.Doors;

namespace Lockers.Core.Tests.Doors;

/// <summary>A door controller whose Poll stops coming in the middle of a pulse: the pulse timer ends it on time.</summary>
public class DoorControllerCutOffTests
{
    [Fact]
    public void PollStopsDuringAPulse_TimerReleasesTheCoilAtTheRatedPulse()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "cmd");
        h.RunUntilEnergised(1);
        long start = h.Solenoids.Calls.Last().AtMs;

        // The main loop stalls: the clock runs on, nothing polls, only the host's timer thread fires.
        for (int i = 0; i < 300; i++)
        {
            h.Clock.Advance(10);
            h.PulseTimer.FireIfDue();
        }

        var pulse = Assert.Single(h.Solenoids.Pulses);
        Assert.Equal(start, pulse.StartMs);
        Assert.Equal(DoorHarness.DefaultTiming().RatedPulseMs, pulse.LengthMs);
        Assert.Equal(1, h.Guard.CutOffCount);
    }

    [Fact]
    public void PollComesBackAfterTheCutOff_NoOverPulse_AndTheDoorIsJudgedAsUsual()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(2, "cmd");
        h.RunUntilEnergised(2);
        h.Clock.Advance(h.Controller.PulseEndsAtMs - h.Clock.UptimeMs);
        h.PulseTimer.FireIfDue();

        h.Clock.Advance(4_000); // stalled well past the open-confirm deadline
        h.Controller.Poll(h.Clock.UptimeMs);

        Assert.DoesNotContain(h.Events, e => e.Kind == DoorEventKind.OverPulse);
        Assert.Contains(h.Events, e => e.Kind == DoorEventKind.Jammed && e.Compartment == 2);
        Assert.Equal(0, h.Controller.ActiveCompartment);
        Assert.Single(h.Solenoids.Pulses);
    }

    [Fact]
    public void RequestedPulseShorterThanRated_TimerCutsAtTheRequestedLength()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(3, "cmd", 200, false);
        h.RunUntilEnergised(3);

        h.Clock.Advance(200);
        h.PulseTimer.FireIfDue();

        Assert.Equal(200, h.Solenoids.Pulses.Single().LengthMs);
    }

    [Fact]
    public void DoorOpensEarly_PollEndsThePulse_AndTheTimerIsDisarmed()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "cmd");
        h.RunUntilEnergised(1);

        h.Sensors.Set(1, open: true);
        h.RunFor(100);

        Assert.Empty(h.Solenoids.Energised);
        Assert.Equal(-1, h.PulseTimer.DueAtMs);
        Assert.Equal(0, h.Guard.CutOffCount);
    }
}
