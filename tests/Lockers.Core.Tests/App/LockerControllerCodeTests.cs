using Lockers.Core.App;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;

namespace Lockers.Core.Tests.App;

public class LockerControllerCodeTests
{
    private static string English(int key) => EnglishMessages.Texts[key];

    [Fact]
    public void KeySequence_PinThenHash_PublishesCodeEnteredEventAtQos1()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();

        locker.Keypad.Type("482913#");

        var published = locker.Link.On(locker.EventTopic)[^1];
        Assert.Equal(1, published.Qos);
        Assert.False(published.Retain);
        var entered = LockerEvent.Parse(published.Payload);
        Assert.Equal(EventKinds.CodeEntered, entered.Kind);
        Assert.Equal(CodeSources.Keypad, entered.Source);
        Assert.Equal("kp-1", entered.Reader);
        Assert.Equal("482913", entered.Code);
        Assert.Equal(English(MessageKeys.Checking), locker.Feedback.Display);
    }

    [Fact]
    public void Display_AfterCodeWithoutAnswer_SaysTooLateThenReady()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Keypad.Type("482913#");

        locker.Run(locker.Config.AnswerS * 1000L - 100);
        Assert.Equal(English(MessageKeys.Checking), locker.Feedback.Display);
        locker.Run(200);
        Assert.Equal(English(MessageKeys.TooLate), locker.Feedback.Display);
        locker.Run(LockerController.DisplayHoldMs);

        Assert.Equal(English(MessageKeys.Ready), locker.Feedback.Display);
    }

    [Fact]
    public void KeySequence_WithoutHash_PublishesNothingAndTimesOut()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();

        locker.Keypad.Type("4829");
        locker.Run(11_000);
        locker.Keypad.Type("#");

        Assert.DoesNotContain(locker.Events(), e => e.Kind == EventKinds.CodeEntered);
    }

    [Fact]
    public void ScannedLine_PublishesQrCodeEnteredWithScannerId()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();

        locker.Scanner.Send("QR-7F3A9C\r\n", chunk: 3);

        var entered = locker.Events().Single(e => e.Kind == EventKinds.CodeEntered);
        Assert.Equal(CodeSources.Qr, entered.Source);
        Assert.Equal("qr-1", entered.Reader);
        Assert.Equal("QR-7F3A9C", entered.Code);
    }

    [Fact]
    public void DenyCommand_ThrottledReader_ShowsWaitAndBeepsError()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        long expires = UnixTime.ToUnixSeconds(locker.Clock.UtcNow) + 60;

        locker.SendCommand(Lockers.Core.Commands.SignedCommand.Deny(LockerHarness.LockerId, "d-1", 500, expires, "kp-1", 30));

        Assert.Equal("Too many tries\nWait 30 s", locker.Feedback.Display);
        Assert.Equal(BeepKind.Error, locker.Feedback.Beeps[^1]);
        var result = Assert.Single(locker.Results());
        Assert.Equal(CommandResults.Ok, result.Result);
    }

    [Fact]
    public void DenyCommand_UnknownReader_FailsWithUnknownTarget()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        long expires = UnixTime.ToUnixSeconds(locker.Clock.UtcNow) + 60;

        locker.SendCommand(Lockers.Core.Commands.SignedCommand.Deny(LockerHarness.LockerId, "d-2", 500, expires, "kp-9", 0));

        var result = Assert.Single(locker.Results());
        Assert.Equal(CommandResults.Failed, result.Result);
        Assert.Equal(CommandResults.UnknownTarget, result.Reason);
    }
}
