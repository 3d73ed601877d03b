namespace Lockers.Core.Tests.App;

/// <summary>
/// The whole controller with a main loop that stops mid-pulse: the coil is released by the pulse timer at the rated
/// pulse, even while the stalled loop holds the controller's lock.
/// </summary>
public class LockerControllerCutOffTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);

    [Fact]
    public void MainLoopStopsMidPulse_CoilReleasedByTheTimerAtTheRatedPulse()
    {
        var locker = StartedWithPulseRunning(2);
        long start = locker.Solenoids.Calls.Last(c => c.On).AtMs;

        for (int i = 0; i < 200; i++)
        {
            locker.Clock.Advance(10); // no Poll from here on
            locker.PulseTimer.FireIfDue();
        }

        var pulse = Assert.Single(locker.Solenoids.Pulses);
        Assert.Equal(start, pulse.StartMs);
        Assert.Equal(LockerHarness.RatedPulseMs, pulse.LengthMs);
    }

    [Fact]
    public void MainLoopBlockedInsidePoll_HoldingTheLock_TimerStillReleasesTheCoil()
    {
        var locker = StartedWithPulseRunning(1);
        using var entered = new ManualResetEventSlim();
        using var released = new ManualResetEventSlim();
        locker.Sensors.StallNextRead(entered, released);
        var loop = new Thread(() => locker.Controller.Poll()) { IsBackground = true };
        loop.Start();
        Assert.True(entered.Wait(Bound), "the main loop never reached the sensor read");

        // The loop is stuck inside Poll with the controller's lock held; the timer thread (this one) fires.
        locker.Clock.Advance(LockerHarness.RatedPulseMs);
        bool fired = locker.PulseTimer.FireIfDue();
        var energisedWhileStalled = locker.Solenoids.Energised.ToArray();
        released.Set();
        Assert.True(loop.Join(Bound), "the main loop did not finish");

        Assert.True(fired);
        Assert.Empty(energisedWhileStalled);
        Assert.Equal(LockerHarness.RatedPulseMs, locker.Solenoids.Pulses.Single().LengthMs);
    }

    [Fact]
    public void Stop_DisarmsThePulseTimer()
    {
        var locker = StartedWithPulseRunning(3);

        locker.Controller.Stop();

        Assert.Equal(-1, locker.PulseTimer.DueAtMs);
        Assert.Empty(locker.Solenoids.Energised);
    }

    private static LockerHarness StartedWithPulseRunning(int compartment)
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Run(300); // past the start-up gap
        locker.SendCommand(locker.Unlock(compartment, "c-" + compartment));
        for (int i = 0; i < 100 && !locker.Solenoids.Energised.Contains(compartment); i++) locker.Run(10);
        Assert.Equal(new[] { compartment }, locker.Solenoids.Energised.ToArray());
        return locker;
    }
}
