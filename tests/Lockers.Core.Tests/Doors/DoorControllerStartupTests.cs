using Lockers.Core.Doors;
using Lockers.Core.Ports;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Doors;

public class DoorControllerStartupTests
{
    [Fact]
    public void Constructor_SwitchesAllOutputsOffBeforeReadingAnything()
    {
        var log = new List<string>();
        var solenoids = new LoggingSolenoids(log);
        var sensors = new LoggingSensors(log);

        _ = new DoorController(new[] { 1, 2 }, DoorHarness.DefaultTiming(), Guarded(solenoids), sensors, 0);

        Assert.Equal("AllOff", log[0]);
        Assert.Equal(new[] { "AllOff", "Read 1", "Read 2" }, log);
    }

    [Fact]
    public void Constructor_WithBadCompartmentList_StillSwitchedAllOffFirst()
    {
        var log = new List<string>();

        Assert.Throws<ArgumentException>(() =>
            new DoorController(new[] { 1, 1 }, DoorHarness.DefaultTiming(), Guarded(new LoggingSolenoids(log)), new LoggingSensors(log), 0));
        Assert.Equal("AllOff", log[0]);
    }

    [Fact]
    public void DoorOpenAtStart_IsOpenNotForced_AndLeftOpenCountsFromStart()
    {
        var timing = new DoorTiming(500, 250, 3000, leftOpenMs: 5_000, debounceMs: 50);
        var h = new DoorHarness(timing: timing, presetSensors: s => s.Set(2, true));

        Assert.Equal(DoorState.Open, h.Controller.GetState(2));
        h.RunFor(5_100, 50);
        Assert.Equal(new[] { DoorEventKind.LeftOpen }, h.KindsFor(2));
    }

    [Fact]
    public void LatePollAndNoPulseTimer_SwitchesOffAtOnce_AndReportsOverPulse()
    {
        // The host's timer never fires here (a broken host), so only the late Poll ends the pulse.
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "cmd");
        h.RunUntilEnergised(1);
        long end = h.Controller.PulseEndsAtMs;

        h.Clock.Advance(end - h.Clock.UptimeMs + 300);   // the loop stalled 300 ms past the pulse end
        h.Controller.Poll(h.Clock.UptimeMs);

        Assert.Empty(h.Solenoids.Energised);
        var over = h.Single(DoorEventKind.OverPulse);
        Assert.Equal(300, over.Detail);
        Assert.Equal("cmd", over.Reference);
    }

    [Fact]
    public void PollExactlyAtPulseEnd_EndsPulseWithoutOverPulse()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "cmd");
        h.RunUntilEnergised(1);
        long end = h.Controller.PulseEndsAtMs;

        h.Clock.Advance(end - h.Clock.UptimeMs);
        h.Controller.Poll(h.Clock.UptimeMs);

        Assert.Empty(h.Solenoids.Energised);
        Assert.Equal(-1, h.Controller.PulseEndsAtMs);
        Assert.DoesNotContain(h.Events, e => e.Kind == DoorEventKind.OverPulse);
        Assert.Equal(500, h.Solenoids.Pulses.Single().LengthMs);
    }

    [Fact]
    public void LateWithinTolerance_NoOverPulse()
    {
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "cmd");
        h.RunUntilEnergised(1);
        h.Clock.Advance(h.Controller.PulseEndsAtMs - h.Clock.UptimeMs + DoorTiming.DefaultOverPulseToleranceMs);
        h.Controller.Poll(h.Clock.UptimeMs);

        Assert.DoesNotContain(h.Events, e => e.Kind == DoorEventKind.OverPulse);
    }

    [Fact]
    public void SolenoidPortThrowsOnRelease_AllOffAndOutputFault()
    {
        var solenoids = new ThrowingOnReleaseSolenoids();
        var controller = new DoorController(new[] { 1 }, DoorHarness.DefaultTiming(), Guarded(solenoids), new FakeDoorSensorPort(), 0);
        var kinds = new List<DoorEventKind>();
        controller.DoorEvent += (c, k, r, d) => kinds.Add(k);
        controller.RequestUnlock(1, "x");
        for (long t = 10; t <= 2000; t += 10) controller.Poll(t);

        Assert.Contains(DoorEventKind.OutputFault, kinds);
        Assert.Equal(2, solenoids.AllOffCount);   // once at start, once after the fault
        Assert.Equal(0, controller.ActiveCompartment);
    }

    [Fact]
    public void BoardCompartments_AreDrivenByNumber()
    {
        var h = new DoorHarness(compartments: new[] { 17, 3, 255 });

        Assert.Equal(new[] { 17, 3, 255 }, h.Controller.Compartments);
        Assert.Equal(UnlockResult.Queued, h.Controller.RequestUnlock(255, "x"));
        Assert.Equal(UnlockResult.UnknownCompartment, h.Controller.RequestUnlock(1, "x"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(256)]
    public void CompartmentNumberOutOfRange_IsRejectedByConstructor(int number)
    {
        var clock = new FakeClock();
        Assert.Throws<ArgumentException>(() =>
            new DoorController(new[] { number }, DoorHarness.DefaultTiming(), Guarded(new FakeSolenoidPort(clock)), new FakeDoorSensorPort(), 0));
    }

    private static PulseGuard Guarded(ISolenoidPort solenoids)
    {
        var clock = new FakeClock();
        return new PulseGuard(solenoids, new FakePulseTimer(clock), clock);
    }

    private sealed class LoggingSolenoids(List<string> log) : ISolenoidPort
    {
        public void SetEnergised(int compartment, bool on) => log.Add($"Set {compartment} {on}");
        public void AllOff() => log.Add("AllOff");
    }

    private sealed class LoggingSensors(List<string> log) : IDoorSensorPort
    {
        public bool ReadOpen(int compartment)
        {
            log.Add($"Read {compartment}");
            return false;
        }
    }

    private sealed class ThrowingOnReleaseSolenoids : ISolenoidPort
    {
        public int AllOffCount { get; private set; }
        public void SetEnergised(int compartment, bool on)
        {
            if (!on) throw new IOException("I2C NACK");
        }

        public void AllOff() => AllOffCount++;
    }
}
