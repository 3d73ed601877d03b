using Lockers.Core.Doors;
using Lockers.Core.Tests.Doors;
using Lockers.Core.Tests.Fakes;
using Lockers.Core.Watchdog;

namespace Lockers.Core.Tests.Watchdog;

public class SoftwareWatchdogTests
{
    private readonly FakeClock _clock = new();
    private readonly FakeSystemPort _system = new();

    [Fact]
    public void FedRegularly_NeverReboots()
    {
        var watchdog = new SoftwareWatchdog(_system, _clock.UptimeMs);
        for (int i = 0; i < 100; i++)
        {
            _clock.Advance(5_000);
            watchdog.Feed(_clock.UptimeMs);
            Assert.False(watchdog.Check(_clock.UptimeMs + 4_000));
        }

        Assert.Equal(0, _system.RebootCount);
    }

    [Fact]
    public void NotFedWithinTimeout_RebootsOnce()
    {
        var watchdog = new SoftwareWatchdog(_system, 10_000, _clock.UptimeMs);
        _clock.Advance(9_999);
        Assert.False(watchdog.Check(_clock.UptimeMs));

        _clock.Advance(1);
        Assert.True(watchdog.Check(_clock.UptimeMs));
        Assert.True(watchdog.Check(_clock.UptimeMs + 5_000));
        Assert.Equal(1, _system.RebootCount);
        Assert.True(watchdog.Tripped);
    }

    [Fact]
    public void DefaultTimeout_IsTenSeconds()
    {
        var watchdog = new SoftwareWatchdog(_system, 0);

        Assert.Equal(10_000, watchdog.TimeoutMs);
        Assert.False(watchdog.Check(9_999));
        Assert.True(watchdog.Check(10_000));
    }

    [Fact]
    public void FeedWithOlderTime_DoesNotMoveBack()
    {
        var watchdog = new SoftwareWatchdog(_system, 10_000, 0);
        watchdog.Feed(8_000);
        watchdog.Feed(3_000);

        Assert.Equal(8_000, watchdog.LastFedMs);
        Assert.False(watchdog.Check(17_999));
    }

    [Fact]
    public void FeedAndCheckOnTwoThreads_StayConsistent()
    {
        var watchdog = new SoftwareWatchdog(_system, 1_000_000, 0);
        var feeder = new Thread(() => { for (long t = 1; t <= 200_000; t++) watchdog.Feed(t); });
        feeder.Start();
        for (long t = 1; t <= 200_000; t++) watchdog.Check(t);
        feeder.Join();

        Assert.Equal(0, _system.RebootCount);
        Assert.Equal(200_000, watchdog.LastFedMs);
    }

    [Fact]
    public void HungLoopDuringPulse_RebootLeavesEveryOutputOff()
    {
        // The device: a pulse is running when the main loop hangs; the watchdog reboots the controller and
        // the firmware builds a new DoorController on the same hardware.
        var h = new DoorHarness();
        h.Controller.RequestUnlock(1, "cmd");
        h.RunUntilEnergised(1);
        var watchdog = new SoftwareWatchdog(_system, 10_000, h.Clock.UptimeMs);
        DoorController? restarted = null;
        _system.OnReboot = () => restarted = new DoorController(new[] { 1, 2, 3, 4 }, DoorHarness.DefaultTiming(), new PulseGuard(h.Solenoids, new FakePulseTimer(h.Clock), h.Clock), h.Sensors, h.Clock.UptimeMs);

        h.Clock.Advance(10_000);   // loop hung: no Poll, no Feed
        watchdog.Check(h.Clock.UptimeMs);

        Assert.NotNull(restarted);
        Assert.Empty(h.Solenoids.Energised);
        Assert.Equal(2, h.Solenoids.AllOffCount);
        Assert.Equal(DoorState.Locked, restarted!.GetState(1));
        Assert.Equal(0, restarted.ActiveCompartment);
    }

    [Fact]
    public void Constructor_RejectsBadArguments()
    {
        Assert.Throws<ArgumentNullException>(() => new SoftwareWatchdog(null!, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SoftwareWatchdog(_system, 0, 0));
    }
}
