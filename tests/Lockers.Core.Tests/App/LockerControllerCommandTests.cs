using Lockers.Core.Protocol;

namespace Lockers.Core.Tests.App;

public class LockerControllerCommandTests
{
    [Fact]
    public void SignedUnlock_PulsesSolenoid_DoorOpensAndOpenedEventAndOkResultFollow()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Run(300); // past the start-up gap

        locker.SendCommand(locker.Unlock(2, "c-1"));
        locker.Run(20);

        Assert.Equal(new[] { 2 }, locker.Solenoids.Energised.ToArray());
        Assert.Empty(locker.Results()); // the answer waits for the door
        locker.Sensors.Set(2, open: true);
        locker.Run(100);

        Assert.Empty(locker.Solenoids.Energised);
        var pulse = Assert.Single(locker.Solenoids.Pulses);
        Assert.True(pulse.LengthMs <= LockerHarness.RatedPulseMs);
        var opened = locker.Events().Single(e => e.Kind == EventKinds.Door);
        Assert.Equal(2, opened.Compartment);
        Assert.Equal(DoorStates.Opened, opened.DoorState);
        var result = Assert.Single(locker.Results());
        Assert.Equal("c-1", result.CommandId);
        Assert.Equal(CommandResults.Ok, result.Result);
    }

    [Fact]
    public void Unlock_SeveralWaiting_EachDoorAnswersItsOwnCommandsInArrivalOrder()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Run(300);

        locker.SendCommand(locker.Unlock(1, "c-1"));
        locker.SendCommand(locker.Unlock(2, "c-2"));
        locker.SendCommand(locker.Unlock(1, "c-3")); // door 1 already being opened: shares its outcome
        locker.Run(20);
        locker.Sensors.Set(1, open: true);
        locker.Run(100);

        Assert.Equal(new[] { "c-1", "c-3" }, locker.Results().Select(r => r.CommandId).ToArray());
        for (int i = 0; i < 300 && !locker.Solenoids.Energised.Contains(2); i++) locker.Run(10);
        locker.Sensors.Set(2, open: true);
        locker.Run(100);

        var results = locker.Results();
        Assert.Equal(new[] { "c-1", "c-3", "c-2" }, results.Select(r => r.CommandId).ToArray());
        Assert.All(results, r => Assert.Equal(CommandResults.Ok, r.Result));
    }

    [Fact]
    public void ReplayedCommand_SamePayloadAgain_RefusedWithEventAndResultAndNoSecondPulse()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Run(300);
        var payload = locker.Signed(locker.Unlock(1, "c-7"));
        locker.Link.Deliver(locker.CommandTopic, payload);
        locker.Sensors.Set(1, open: true);
        locker.Run(100);
        locker.Sensors.Set(1, open: false);
        locker.Run(100);

        locker.Link.Deliver(locker.CommandTopic, payload);
        locker.Run(1_000);

        Assert.Single(locker.Solenoids.Pulses);
        var refused = locker.Events().Single(e => e.Kind == EventKinds.CommandRefused);
        Assert.Equal("c-7", refused.CommandId);
        Assert.Equal(RefusalReasons.Replay, refused.Reason);
        var results = locker.Results();
        Assert.Equal(new[] { CommandResults.Ok, CommandResults.Refused }, results.Select(r => r.Result).ToArray());
        Assert.Equal(RefusalReasons.Replay, results[1].Reason);
    }

    [Fact]
    public void Unlock_WrongKey_RefusedAsBadSignatureWithoutPulse()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        var forged = new Lockers.Core.Commands.CommandSigner(new byte[32]).SignToJson(locker.Unlock(1, "evil"));

        locker.Link.Deliver(locker.CommandTopic, forged);
        locker.Run(1_000);

        Assert.Empty(locker.Solenoids.Pulses);
        Assert.Equal(RefusalReasons.BadSignature, Assert.Single(locker.Results()).Reason);
    }

    [Fact]
    public void Unlock_DoorNeverOpens_JammedEventAndFailedResult()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Run(300);

        locker.SendCommand(locker.Unlock(3, "c-j"));
        locker.Run(3_500);

        Assert.Contains(locker.Events(), e => e.Kind == EventKinds.Door && e.DoorState == DoorStates.Jammed && e.Compartment == 3);
        var result = Assert.Single(locker.Results());
        Assert.Equal(CommandResults.Failed, result.Result);
        Assert.Equal(CommandResults.Jammed, result.Reason);
    }

    [Fact]
    public void Unlock_UnknownCompartment_FailsAtOnce()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();

        locker.SendCommand(locker.Unlock(9, "c-9"));

        Assert.Equal(CommandResults.UnknownTarget, Assert.Single(locker.Results()).Reason);
    }

    [Fact]
    public void Door_OpenedWithoutPulse_ForcedThenLeftOpenThenClosedEvents()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();

        locker.Sensors.Set(1, open: true);
        locker.Run(121_000);
        locker.Sensors.Set(1, open: false);
        locker.Run(100);

        var states = locker.Events().Where(e => e.Kind == EventKinds.Door).Select(e => e.DoorState).ToArray();
        Assert.Equal(new[] { DoorStates.Forced, DoorStates.LeftOpen, DoorStates.Closed }, states);
    }

    [Fact]
    public void Result_LinkDownWhenReady_SentAfterReconnect()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Run(300);
        locker.SendCommand(locker.Unlock(1, "c-late"));
        locker.Run(20);

        locker.Link.Drop();
        locker.Sensors.Set(1, open: true);
        locker.Run(100);
        Assert.Empty(locker.Results());
        locker.Link.Connect();

        Assert.Equal("c-late", Assert.Single(locker.Results()).CommandId);
    }
}
