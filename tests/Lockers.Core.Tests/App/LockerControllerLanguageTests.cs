using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;

namespace Lockers.Core.Tests.App;

/// <summary>The display speaks the locker's language (device config), and the gateway's keyed messages are shown in it.</summary>
public class LockerControllerLanguageTests
{
    [Fact]
    public void Start_JapaneseLocker_ShowsTheJapanesePrompt()
    {
        var locker = new LockerHarness(language: DisplayLanguages.Japanese);
        locker.Link.Connect();

        locker.Controller.Start();
        locker.Keypad.Type("482913#");

        Assert.Equal(JapaneseMessages.Texts[MessageKeys.Checking], locker.Feedback.Display);
        Assert.Equal("確認しています", locker.Feedback.Display);
    }

    [Fact]
    public void ShowMessageKey_ChineseLocker_ShowsTheChineseTextWithItsArguments()
    {
        var locker = new LockerHarness(language: DisplayLanguages.Chinese);
        locker.Link.Connect();
        locker.Controller.Start();

        locker.SendCommand(SignedCommand.ShowMessageKey(LockerHarness.LockerId, "m-1", 500, Expires(locker), "kp-1", "round_deposit|3|10|7"));

        Assert.Equal("包裹3/10\n请放入7号柜门\n完成后关门\n0#放不下 8#跳过\n9#结束", locker.Feedback.Display);
        Assert.Equal(CommandResults.Ok, Assert.Single(locker.Results()).Result);
    }

    [Fact]
    public void ShowMessageKey_UnknownKey_FailsUnsupported_AndTheDisplayKeepsItsText()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        var before = locker.Feedback.Display;

        locker.SendCommand(SignedCommand.ShowMessageKey(LockerHarness.LockerId, "m-2", 500, Expires(locker), "kp-1", "not_a_key|1"));

        var result = Assert.Single(locker.Results());
        Assert.Equal((CommandResults.Failed, CommandResults.Unsupported), (result.Result, result.Reason));
        Assert.Equal(before, locker.Feedback.Display);
    }

    [Fact]
    public void ShowMessageKey_AnotherReader_FailsWithUnknownTarget()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();

        locker.SendCommand(SignedCommand.ShowMessageKey(LockerHarness.LockerId, "m-3", 500, Expires(locker), "kp-9", "ready"));

        var result = Assert.Single(locker.Results());
        Assert.Equal((CommandResults.Failed, CommandResults.UnknownTarget), (result.Result, result.Reason));
    }

    [Fact]
    public void ShowMessageKey_WithoutText_IsRefusedAsMalformed()
    {
        var command = SignedCommand.ShowMessageKey("L1", "m-4", 5, 100, "kp-1", "");
        command.Signature = "AAAA";

        var error = Assert.Throws<Lockers.Core.Json.JsonException>(() => SignedCommand.Parse(command.ToJson()));

        Assert.Contains("field 'text'", error.Message);
    }

    private static long Expires(LockerHarness locker) => UnixTime.ToUnixSeconds(locker.Clock.UtcNow) + 60;
}
