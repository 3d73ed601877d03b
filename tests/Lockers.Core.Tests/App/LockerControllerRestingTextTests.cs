using Lockers.Core.App;
using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;

namespace Lockers.Core.Tests.App;

/// <summary>
/// A courier round's step rests on the display (show_message_key with retry_after_s, ADR 0311): transient messages come and
/// go over it, it stays past the display's usual hold, and it gives way to idle when the gateway ends it or its time runs out.
/// </summary>
public class LockerControllerRestingTextTests
{
    private const string Step = "round_deposit|1|4|2";
    private const int RestS = 600;
    private static readonly DisplayMessages English = new("en");
    private static readonly string StepText = English.FromWire(Step)!;
    private static readonly string Ready = English.Text(MessageKeys.Ready);

    private static LockerHarness Started()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Run(300);
        return locker;
    }

    [Fact]
    public void RestingStep_PastTheDisplayHold_StaysOnTheDisplay()
    {
        var locker = Started();

        locker.SendCommand(locker.ShowKey(Step, RestS, "m-1"));
        locker.Run(LockerController.DisplayHoldMs * 3);

        Assert.Equal(StepText, locker.Feedback.Display);
        Assert.Equal(CommandResults.Ok, locker.Results()[^1].Result);
    }

    [Fact]
    public void RestingStep_ItsTimeRunsOut_DisplayGoesIdle()
    {
        var locker = Started();
        locker.SendCommand(locker.ShowKey(Step, 30, "m-1"));

        locker.Run(29_000);
        Assert.Equal(StepText, locker.Feedback.Display);
        locker.Run(1_100);

        Assert.Equal(Ready, locker.Feedback.Display);
    }

    [Fact]
    public void StepWithoutRest_AsBefore_IdleAfterTheHold()
    {
        var locker = Started();

        locker.SendCommand(locker.ShowKey(Step, 0, "m-1"));
        locker.Run(LockerController.DisplayHoldMs - 100);
        Assert.Equal(StepText, locker.Feedback.Display);
        locker.Run(200);

        Assert.Equal(Ready, locker.Feedback.Display);
    }

    [Fact]
    public void DoorOpensDuringTheRest_DoorOpenedShowsBriefly_ThenTheStepReturns()
    {
        var locker = Started();
        locker.SendCommand(locker.ShowKey(Step, RestS, "m-1"));
        locker.SendCommand(locker.Unlock(2, "c-2"));
        locker.OpenWhenPulsed(2);

        Assert.Equal(English.Format(MessageKeys.DoorOpened, 2), locker.Feedback.Display);
        locker.Run(LockerController.DisplayHoldMs);

        Assert.Equal(StepText, locker.Feedback.Display);
    }

    [Fact]
    public void AnotherDoorClosesDuringTheRest_StepStaysAfterTheHold()
    {
        var locker = Started();
        locker.SendCommand(locker.Unlock(3, "c-3"));
        locker.OpenWhenPulsed(3);
        locker.SendCommand(locker.ShowKey("round_larger|1", RestS, "m-1"));

        locker.Sensors.Set(3, open: false);
        locker.Run(LockerController.DisplayHoldMs + 1_000);

        Assert.Equal(English.FromWire("round_larger|1"), locker.Feedback.Display);
    }

    [Fact]
    public void RefusedCodeDuringTheRest_RefusalShowsBriefly_ThenTheStepReturns()
    {
        var locker = Started();
        locker.SendCommand(locker.ShowKey(Step, RestS, "m-1"));
        locker.Keypad.Type("12345678#");
        Assert.Equal(English.Text(MessageKeys.Checking), locker.Feedback.Display);

        locker.SendCommand(locker.DenyFor(locker.LastEntry(), "d-1"));
        Assert.Equal(English.Text(MessageKeys.CodeRefused), locker.Feedback.Display);
        locker.Run(LockerController.DisplayHoldMs);

        Assert.Equal(StepText, locker.Feedback.Display);
    }

    [Fact]
    public void KeysTypedDuringTheRest_EchoShowsWhileTyping_ThenTheStepReturns()
    {
        var locker = Started();
        locker.SendCommand(locker.ShowKey(Step, RestS, "m-1"));
        locker.Keypad.Type("0");
        Assert.Equal("*", locker.Feedback.Display);

        locker.Run(LockerController.DisplayHoldMs + 100);

        Assert.Equal(StepText, locker.Feedback.Display);
    }

    [Fact]
    public void RoundEnds_TextWithoutRest_ShowsForTheHold_ThenIdleNotTheOldStep()
    {
        var locker = Started();
        locker.SendCommand(locker.ShowKey(Step, RestS, "m-1"));
        locker.Run(1_000);

        locker.SendCommand(locker.ShowKey("round_done|4|1", 0, "m-2"));
        Assert.Equal(English.FromWire("round_done|4|1"), locker.Feedback.Display);
        locker.Run(LockerController.DisplayHoldMs + 100);

        Assert.Equal(Ready, locker.Feedback.Display);
        locker.Run(LockerController.DisplayHoldMs * 2);
        Assert.Equal(Ready, locker.Feedback.Display);
    }

    [Fact]
    public void NextStep_ReplacesTheRestingText()
    {
        var locker = Started();
        locker.SendCommand(locker.ShowKey(Step, RestS, "m-1"));
        locker.SendCommand(locker.ShowKey("round_deposit|2|4|1", RestS, "m-2"));
        locker.SendCommand(locker.Unlock(1, "c-1"));
        locker.OpenWhenPulsed(1);

        locker.Run(LockerController.DisplayHoldMs + 100);

        Assert.Equal(English.FromWire("round_deposit|2|4|1"), locker.Feedback.Display);
    }

    [Fact]
    public void LockerTakenOutOfService_EndsTheRest_DisplayStaysOutOfService()
    {
        var locker = Started();
        locker.SendCommand(locker.ShowKey(Step, RestS, "m-1"));
        long expires = UnixTime.ToUnixSeconds(locker.Clock.UtcNow) + 60;

        locker.SendCommand(SignedCommand.OutOfService(LockerHarness.LockerId, "o-1", 1_000, expires, 0, true));
        locker.Run(LockerController.DisplayHoldMs * 2);

        Assert.Equal(English.Text(MessageKeys.OutOfService), locker.Feedback.Display);
    }

    [Fact]
    public void RestLongerThanTwoHours_RefusedAsMalformed_DisplayUntouched()
    {
        var locker = Started();
        var shown = locker.Feedback.Display;

        // Signed properly (the signer itself refuses to sign it): only the rule stops it.
        var command = locker.ShowKey(Step, SignedCommand.MaxRestS + 1, "m-1");
        command.Signature = Convert.ToBase64String(locker.Signer.ComputeSignature(command));
        locker.Link.Deliver(locker.CommandTopic, command.ToJson());

        var result = locker.Results()[^1];
        Assert.Equal(CommandResults.Refused, result.Result);
        Assert.Equal(RefusalReasons.Malformed, result.Reason);
        Assert.Equal(shown, locker.Feedback.Display);
    }
}
