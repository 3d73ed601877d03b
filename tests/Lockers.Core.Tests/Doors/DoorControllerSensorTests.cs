using Lockers.Core.Doors;

namespace Lockers.Core.Tests.Doors;

public class DoorControllerSensorTests
{
    [Fact]
    public void DoorOpensDuringPulse_OpenedWithReference_PulseEndsEarly()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "cmd-7");
        h.RunUntilEnergised(1);
        h.RunFor(100);
        h.Sensors.Set(1, true);
        h.RunFor(100);

        var opened = h.Single(DoorEventKind.Opened);
        Assert.Equal("cmd-7", opened.Reference);
        Assert.InRange(opened.Detail, 100, 110);
        Assert.True(h.Solenoids.Pulses.Single().LengthMs < 500);
        Assert.Equal(DoorState.Open, h.Controller.GetState(1));
        Assert.True(h.Controller.IsOpen(1));
    }

    [Fact]
    public void DoorOpensAfterPulseButWithinConfirm_IsOpened()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "c");
        h.RunUntilEnergised(1);
        h.RunFor(2500);
        h.Sensors.Set(1, true);
        h.RunFor(200);

        Assert.Contains(DoorEventKind.Opened, h.KindsFor(1));
        Assert.DoesNotContain(DoorEventKind.Jammed, h.KindsFor(1));
    }

    [Fact]
    public void DoorDoesNotOpenWithinConfirm_IsJammedOnce()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(2, "cmd-9");
        h.RunUntilEnergised(2);
        long start = h.Clock.UptimeMs;
        h.RunFor(2990);
        Assert.DoesNotContain(DoorEventKind.Jammed, h.KindsFor(2));

        h.RunFor(1000);
        var jammed = h.Single(DoorEventKind.Jammed);
        Assert.Equal("cmd-9", jammed.Reference);
        Assert.InRange(jammed.AtMs, start + 3000, start + 3010);
        Assert.Equal(DoorState.Jammed, h.Controller.GetState(2));
        Assert.Empty(h.Solenoids.Energised);
    }

    [Fact]
    public void OpeningStillDebouncingAtDeadline_IsNotJammed()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "c");
        h.RunUntilEnergised(1);
        h.RunFor(2980);
        h.Sensors.Set(1, true);           // appears 20 ms before the deadline, debounce needs 50
        h.RunFor(200);

        Assert.Contains(DoorEventKind.Opened, h.KindsFor(1));
        Assert.DoesNotContain(DoorEventKind.Jammed, h.KindsFor(1));
    }

    [Fact]
    public void JammedDoor_CanBeRetried()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(2, "first");
        h.RunFor(5000);
        Assert.Equal(DoorState.Jammed, h.Controller.GetState(2));

        Assert.Equal(UnlockResult.Queued, h.Controller.RequestUnlock(2, "retry"));
        h.RunUntilEnergised(2);
        h.Sensors.Set(2, true);
        h.RunFor(100);
        Assert.Equal("retry", h.Single(DoorEventKind.Opened).Reference);
    }

    [Fact]
    public void DoorOpenedWithoutUnlock_IsForced()
    {
        var h = new DoorHarness();
        h.RunFor(1000);
        h.Sensors.Set(3, true);
        h.RunFor(100);

        var forced = h.Single(DoorEventKind.Forced);
        Assert.Equal(3, forced.Compartment);
        Assert.Equal("", forced.Reference);
        Assert.Equal(DoorState.Forced, h.Controller.GetState(3));
    }

    [Fact]
    public void DoorOpenedAfterJam_IsForced()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(2, "c");
        h.RunFor(5000);
        h.Sensors.Set(2, true);
        h.RunFor(100);

        Assert.Equal(new[] { DoorEventKind.UnlockStarted, DoorEventKind.Jammed, DoorEventKind.Forced }, h.KindsFor(2));
    }

    [Fact]
    public void DoorForcedWhileUnlockQueued_CancelsUnlockAndCarriesReference()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "one");
        h.Controller.RequestUnlock(2, "two");
        h.RunUntilEnergised(1);
        h.Sensors.Set(2, true);
        h.RunFor(3000);

        var forced = h.Single(DoorEventKind.Forced);
        Assert.Equal(2, forced.Compartment);
        Assert.Equal("two", forced.Reference);
        Assert.DoesNotContain(h.Solenoids.Pulses, p => p.Compartment == 2);
    }

    [Fact]
    public void BounceShorterThanDebounce_IsIgnored()
    {
        var h = new DoorHarness();
        h.RunFor(500);
        for (int i = 0; i < 5; i++)
        {
            h.Sensors.Set(1, true);
            h.RunFor(20);
            h.Sensors.Set(1, false);
            h.RunFor(20);
        }

        h.RunFor(500);
        Assert.Empty(h.Events);
        Assert.Equal(DoorState.Locked, h.Controller.GetState(1));
    }

    [Fact]
    public void LevelHeldForDebounce_Counts()
    {
        var h = new DoorHarness();
        h.RunFor(500);
        h.Sensors.Set(1, true);
        h.RunFor(40);
        Assert.Empty(h.Events);

        h.RunFor(20);
        Assert.Single(h.Events);
    }

    [Fact]
    public void OpenedThenClosed_ClosedEventWithDuration_StateLocked()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "c");
        h.RunUntilEnergised(1);
        h.Sensors.Set(1, true);
        h.RunFor(100);
        h.RunFor(20_000);
        h.Sensors.Set(1, false);
        h.RunFor(100);

        var closed = h.Single(DoorEventKind.Closed);
        Assert.InRange(closed.Detail, 20_090, 20_110);
        Assert.Equal("", closed.Reference);
        Assert.Equal(DoorState.Locked, h.Controller.GetState(1));
        Assert.False(h.Controller.IsOpen(1));
    }

    [Fact]
    public void DoorOpenLongerThanLeftOpen_LeftOpenRaisedOnce()
    {
        var timing = new DoorTiming(500, 250, 3000, leftOpenMs: 10_000, debounceMs: 50);
        var h = new DoorHarness(timing: timing);
        h.Controller.RequestUnlock(1, "c");
        h.RunUntilEnergised(1);
        h.Sensors.Set(1, true);
        h.RunFor(9_900, 50);
        Assert.DoesNotContain(DoorEventKind.LeftOpen, h.KindsFor(1));

        h.RunFor(30_000, 50);
        var leftOpen = h.Single(DoorEventKind.LeftOpen);
        Assert.InRange(leftOpen.Detail, 10_000, 10_050);
        Assert.Equal(DoorState.LeftOpen, h.Controller.GetState(1));
    }

    [Fact]
    public void LeftOpenThenClosedAndOpenedAgain_LeftOpenCanFireAgain()
    {
        var timing = new DoorTiming(500, 250, 3000, leftOpenMs: 5_000, debounceMs: 50);
        var h = new DoorHarness(timing: timing);
        h.Sensors.Set(4, true);
        h.RunFor(6_000, 50);
        h.Sensors.Set(4, false);
        h.RunFor(1_000, 50);
        h.Sensors.Set(4, true);
        h.RunFor(6_000, 50);

        Assert.Equal(2, h.KindsFor(4).Count(k => k == DoorEventKind.LeftOpen));
        Assert.Equal(2, h.KindsFor(4).Count(k => k == DoorEventKind.Forced));
    }

    [Fact]
    public void ForcedDoorLeftOpen_ReportsBoth()
    {
        var timing = new DoorTiming(500, 250, 3000, leftOpenMs: 5_000, debounceMs: 50);
        var h = new DoorHarness(timing: timing);
        h.Sensors.Set(2, true);
        h.RunFor(6_000, 50);

        Assert.Equal(new[] { DoorEventKind.Forced, DoorEventKind.LeftOpen }, h.KindsFor(2));
    }
}
