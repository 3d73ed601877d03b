using Lockers.Core.Texts;
using Lockers.Core.App;
using Lockers.Core.Commands;
using Lockers.Core.Protocol;

namespace Lockers.Core.Tests.App;

/// <summary>What a person at the door reads after a fault: what happened, and what to do next (issue 14, finding 8).</summary>
public class LockerControllerDisplayTests
{
    private static LockerHarness Started()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Run(300);
        return locker;
    }

    [Fact]
    public void Unlock_DoorJams_DisplaySaysItDidNotOpenAndTheCodeStillWorks_NotReady()
    {
        var locker = Started();
        locker.Keypad.Type("482913#");

        // The gateway's answer names the code entry (ADR 0018): the entry ends with it, so no "too late" follows.
        locker.SendCommand(locker.UnlockFor(locker.LastEntry(), 3, "c-j"));
        locker.Run(3_500);

        Assert.Equal(new DisplayMessages("en").Format(MessageKeys.DoorDidNotOpen, 3), locker.Feedback.Display);
        locker.Run(LockerController.DisplayHoldMs - 1_000);
        Assert.Equal(new DisplayMessages("en").Format(MessageKeys.DoorDidNotOpen, 3), locker.Feedback.Display);
    }

    [Fact]
    public void Unlock_DoorOutOfService_DisplaySaysSo_AndTheUnlockFails()
    {
        var locker = Started();
        long expires = UnixTime.ToUnixSeconds(locker.Clock.UtcNow) + 60;
        locker.SendCommand(SignedCommand.OutOfService(LockerHarness.LockerId, "o-1", 100, expires, 3, true));

        locker.SendCommand(locker.Unlock(3, "c-3"));

        Assert.Equal(new DisplayMessages("en").Format(MessageKeys.DoorOutOfService, 3), locker.Feedback.Display);
        Assert.Equal(CommandResults.OutOfService, locker.Results()[^1].Reason);
        Assert.Empty(locker.Solenoids.Pulses);
    }

    [Fact]
    public void Unlock_WithStaffOverride_OpensADoorThatIsOutOfService()
    {
        var locker = Started();
        long expires = UnixTime.ToUnixSeconds(locker.Clock.UtcNow) + 60;
        locker.SendCommand(SignedCommand.OutOfService(LockerHarness.LockerId, "o-1", 100, expires, 0, true));
        var unlock = locker.Unlock(3, "c-3");
        unlock.On = true;

        locker.SendCommand(unlock);
        locker.Run(LockerHarness.RatedPulseMs + 100);

        Assert.Single(locker.Solenoids.Pulses);
        Assert.DoesNotContain(locker.Results(), r => r.CommandId == "c-3" && r.Result == CommandResults.Failed);
    }
}
