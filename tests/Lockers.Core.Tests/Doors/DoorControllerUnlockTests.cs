using Lockers.Core.Doors;

namespace Lockers.Core.Tests.Doors;

public class DoorControllerUnlockTests
{
    [Fact]
    public void Unlock_PulsesSolenoidForRatedPulse()
    {
        var h = new DoorHarness();
        Assert.Equal(UnlockResult.Queued, h.Controller.RequestUnlock(2, "cmd-1"));
        h.RunFor(2000);

        var pulse = Assert.Single(h.Solenoids.Pulses);
        Assert.Equal(2, pulse.Compartment);
        Assert.Equal(500, pulse.LengthMs);
        var started = h.Single(DoorEventKind.UnlockStarted);
        Assert.Equal("cmd-1", started.Reference);
        Assert.Equal(500, started.Detail);
    }

    [Fact]
    public void RequestedPulseLongerThanRated_IsCappedAtRated()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "x", 5000, false);
        h.RunFor(2000);

        Assert.Equal(500, h.Solenoids.Pulses.Single().LengthMs);
    }

    [Fact]
    public void RequestedPulseShorterThanRated_IsHonoured()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "x", 200, false);
        h.RunFor(2000);

        Assert.Equal(200, h.Solenoids.Pulses.Single().LengthMs);
    }

    [Fact]
    public void ManyUnlocks_NeverTwoEnergisedAtOnce_AndGapRespected()
    {
        var h = new DoorHarness();
        foreach (var c in new[] { 1, 2, 3, 4 }) Assert.Equal(UnlockResult.Queued, h.Controller.RequestUnlock(c, "r" + c));
        h.RunFor(10_000);   // the fake port throws if two are ever on together

        var pulses = h.Solenoids.Pulses;
        Assert.Equal(new[] { 1, 2, 3, 4 }, pulses.Select(p => p.Compartment));
        for (int i = 1; i < pulses.Count; i++) Assert.True(pulses[i].StartMs - pulses[i - 1].EndMs >= 250, $"gap {i} too short");
        Assert.All(pulses, p => Assert.True(p.LengthMs <= 500));
    }

    [Fact]
    public void FirstPulseAfterStart_WaitsMinimumGap()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "x");
        h.RunFor(240);
        Assert.Empty(h.Solenoids.Energised);

        h.RunFor(20);
        Assert.Contains(1, h.Solenoids.Energised);
    }

    [Fact]
    public void SameCompartmentTwice_SecondIsAlreadyInProgress()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(3, "a");

        Assert.Equal(UnlockResult.AlreadyInProgress, h.Controller.RequestUnlock(3, "b"));
        h.RunUntilEnergised(3);
        Assert.Equal(UnlockResult.AlreadyInProgress, h.Controller.RequestUnlock(3, "c"));
        Assert.Equal(0, h.Controller.QueuedCount);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(-1)]
    [InlineData(256)]
    [InlineData(int.MaxValue)]
    public void UnknownCompartment_IsRefused(int compartment)
    {
        var h = new DoorHarness();

        Assert.Equal(UnlockResult.UnknownCompartment, h.Controller.RequestUnlock(compartment, "x"));
        Assert.False(h.Controller.Has(compartment));
        Assert.False(h.Controller.SetOutOfService(compartment, true));
        Assert.Throws<ArgumentOutOfRangeException>(() => h.Controller.GetState(compartment));
    }

    [Fact]
    public void OutOfService_RefusesUnlock_UnlessMaintenanceOverride()
    {
        var h = new DoorHarness();
        h.Controller.SetOutOfService(2, true);

        Assert.Equal(UnlockResult.OutOfService, h.Controller.RequestUnlock(2, "pin"));
        Assert.Equal(UnlockResult.Queued, h.Controller.RequestUnlock(2, "maint", 0, true));
        h.RunFor(1000);
        Assert.Equal(2, h.Solenoids.Pulses.Single().Compartment);
    }

    [Fact]
    public void BackInService_AcceptsUnlock()
    {
        var h = new DoorHarness();
        h.Controller.SetOutOfService(2, true);
        h.Controller.SetOutOfService(2, false);

        Assert.False(h.Controller.IsOutOfService(2));
        Assert.Equal(UnlockResult.Queued, h.Controller.RequestUnlock(2, "pin"));
    }

    [Fact]
    public void OpenDoor_RefusesUnlockAsAlreadyOpen()
    {
        var h = new DoorHarness(presetSensors: s => s.Set(1, true));

        Assert.Equal(UnlockResult.AlreadyOpen, h.Controller.RequestUnlock(1, "x"));
    }

    [Fact]
    public void QueuedUnlock_StateIsUnlockQueuedThenUnlocking()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(4, "x");
        Assert.Equal(DoorState.UnlockQueued, h.Controller.GetState(4));

        h.RunUntilEnergised(4);
        Assert.Equal(DoorState.Unlocking, h.Controller.GetState(4));
        Assert.Equal(4, h.Controller.ActiveCompartment);
        Assert.Equal(h.Clock.UptimeMs + 500, h.Controller.PulseEndsAtMs);
    }

    [Fact]
    public void NullReference_IsReportedAsEmpty()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, null!);
        h.RunFor(1000);

        Assert.Equal("", h.Single(DoorEventKind.UnlockStarted).Reference);
    }
}
