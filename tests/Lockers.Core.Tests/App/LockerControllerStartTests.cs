using Lockers.Core.Ports;
using Lockers.Core.Protocol;

namespace Lockers.Core.Tests.App;

public class LockerControllerStartTests
{
    [Fact]
    public void Start_LinkUp_SolenoidsOffThenBirthRetainedAndCommandTopicSubscribed()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();

        locker.Controller.Start();

        Assert.True(locker.Solenoids.AllOffCount >= 1);
        Assert.Empty(locker.Solenoids.Pulses);
        var status = Assert.Single(locker.Link.On(Topics.Status(LockerHarness.LockerId)));
        Assert.True(status.Retain);
        Assert.Equal(1, status.Qos);
        var birth = StatusPayload.Parse(status.Payload);
        Assert.Equal(StatusStates.Online, birth.State);
        Assert.Equal("1.2.3", birth.Firmware);
        Assert.Equal(1, birth.BootCount);
        Assert.Contains(locker.CommandTopic, locker.Link.Subscriptions);
        Assert.Equal(LedState.On, locker.Feedback.Leds[^1]);
    }

    [Fact]
    public void Start_LinkDown_JournalsBootAndPublishesBirthOnConnect()
    {
        var locker = new LockerHarness();

        locker.Controller.Start();
        Assert.Empty(locker.Link.Published);
        Assert.Equal(1, locker.Controller.JournalDepth);

        locker.Link.Connect();

        Assert.Equal(Topics.Status(LockerHarness.LockerId), locker.Link.Published[0].Topic);
        var boot = Assert.Single(locker.Events());
        Assert.Equal(EventKinds.Boot, boot.Kind);
        Assert.Equal(1, boot.Seq);
    }

    [Fact]
    public void Start_DoorsOpenAtPowerOn_TheBootEventNamesThem_AndNoneWhenAllAreShut()
    {
        var locker = new LockerHarness();
        locker.Sensors.Set(3, true);
        locker.Sensors.Set(1, true);

        locker.Controller.Start();
        locker.Link.Connect();

        // What the gateway shows for every door after a reboot comes from this: the listed doors open, the others shut.
        Assert.Equal(new[] { 1, 3 }, Assert.Single(locker.Events()).OpenDoors);

        var shut = new LockerHarness();
        shut.Controller.Start();
        shut.Link.Connect();
        Assert.Equal(System.Array.Empty<int>(), Assert.Single(shut.Events()).OpenDoors);
    }

    [Fact]
    public void Poll_LinkUpButStateEventNotYetSeen_PublishesNothingUntilBirth()
    {
        var locker = new LockerHarness();
        locker.Controller.Start();
        locker.Link.ConnectWithoutEvent();

        locker.Run(100);
        locker.Keypad.Type("123456#");
        Assert.Empty(locker.Link.Published);

        locker.Link.RaiseConnected();
        Assert.Equal(Topics.Status(LockerHarness.LockerId), locker.Link.Published[0].Topic);
        Assert.Equal(2, locker.Events().Count);
    }

    [Fact]
    public void Start_SecondBootOverSameStorage_CountsBootAndContinuesSequence()
    {
        var first = new LockerHarness();
        first.Controller.Start();
        first.Controller.Stop();

        var second = new LockerHarness(first.Storage);
        second.Controller.Start();
        second.Link.Connect();

        Assert.Equal(2, second.Controller.BootCount);
        Assert.Equal(new long[] { 1, 2 }, second.Events().Select(e => e.Seq).ToArray());
    }

    [Fact]
    public void Poll_TelemetryInterval_PublishesHealthFiguresAtQos0()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        var telemetryTopic = Topics.Telemetry(LockerHarness.LockerId);
        Assert.Single(locker.Link.On(telemetryTopic));

        locker.Run(299_000);
        Assert.Single(locker.Link.On(telemetryTopic));
        locker.Run(2_000);

        var samples = locker.Link.On(telemetryTopic);
        Assert.Equal(2, samples.Count);
        Assert.Equal(0, samples[1].Qos);
        var telemetry = TelemetryPayload.Parse(samples[1].Payload);
        Assert.Equal("1.2.3", telemetry.Firmware);
        Assert.Equal(-60, telemetry.SignalDbm);
        Assert.Equal(12_000, telemetry.SupplyMv);
        Assert.Equal(21.5, telemetry.TemperatureC);
        Assert.Equal(60_000, telemetry.FreeMemoryBytes);
        Assert.True(telemetry.UptimeMs >= 300_000);
    }

    [Fact]
    public void Stop_AfterStart_IgnoresKeysAndSwitchesOutputsOff()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        int offBefore = locker.Solenoids.AllOffCount;

        locker.Controller.Stop();
        locker.Keypad.Type("123456#");

        Assert.True(locker.Solenoids.AllOffCount > offBefore);
        Assert.DoesNotContain(locker.Events(), e => e.Kind == EventKinds.CodeEntered);
    }

    [Fact]
    public void CheckWatchdog_PollStalled_RebootsThroughSystemPort()
    {
        var locker = new LockerHarness();
        locker.Controller.Start();
        locker.Run(100);
        Assert.False(locker.Controller.CheckWatchdog());

        locker.Clock.Advance(20_000);

        Assert.True(locker.Controller.CheckWatchdog());
        Assert.Equal(1, locker.System.RebootCount);
    }
}
