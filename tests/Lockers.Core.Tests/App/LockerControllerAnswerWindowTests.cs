using Lockers.Core.App;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;

namespace Lockers.Core.Tests.App;

/// <summary>A code entry is answered only while its person is taken to still be at the locker (config answerS).</summary>
public class LockerControllerAnswerWindowTests
{
    [Fact]
    public void CodeEntered_CarriesItsEntryIdAndAnswerWindow()
    {
        var locker = Started();

        locker.Keypad.Type("482913#");
        locker.Scanner.Send("QR-1\r\n", chunk: 6);

        var entries = locker.Events().Where(e => e.Kind == EventKinds.CodeEntered).ToList();
        Assert.Equal(2, entries.Count);
        Assert.All(entries, e => Assert.Equal(locker.Config.AnswerS * 1000L, e.AnswerMs));
        // boot 1: ids 1,000,001 and 1,000,002
        Assert.Equal(new[] { 1_000_001L, 1_000_002L }, entries.Select(e => e.Entry).ToArray());
    }

    [Fact]
    public void Unlock_NamingAWaitingEntry_OpensTheDoor()
    {
        var locker = Started();
        locker.Keypad.Type("482913#");

        locker.SendCommand(locker.UnlockFor(locker.LastEntry(), 2, "c-1"));
        locker.OpenWhenPulsed(2);

        Assert.Equal(CommandResults.Ok, Assert.Single(locker.Results()).Result);
    }

    [Fact]
    public void Unlock_ArrivingAfterTheAnswerWindow_FailsTooLate_NoPulseAndTheDisplayIsLeftAlone()
    {
        var locker = Started();
        locker.Keypad.Type("482913#");
        long entry = locker.LastEntry();
        locker.Run(locker.Config.AnswerS * 1000L + 100);
        Assert.Equal(EnglishMessages.Texts[MessageKeys.TooLate], locker.Feedback.Display);
        int texts = locker.Feedback.Texts.Count;

        locker.SendCommand(locker.UnlockFor(entry, 2, "c-late"));
        locker.Run(1000);

        Assert.Empty(locker.Solenoids.Pulses);
        var result = Assert.Single(locker.Results());
        Assert.Equal((CommandResults.Failed, CommandResults.TooLate), (result.Result, result.Reason));
        Assert.Equal(texts, locker.Feedback.Texts.Count);
        Assert.DoesNotContain(locker.Events(), e => e.Kind == EventKinds.CommandRefused); // not an alarm
    }

    [Fact]
    public void Unlock_ForAnEntryReplacedByANewCodeAtTheSameReader_FailsTooLate()
    {
        var locker = Started();
        locker.Keypad.Type("111111#");
        long first = locker.LastEntry();
        locker.Keypad.Type("222222#");

        locker.SendCommand(locker.UnlockFor(first, 1, "c-old"));
        locker.Run(1000);

        Assert.Empty(locker.Solenoids.Pulses);
        Assert.Equal(CommandResults.TooLate, Assert.Single(locker.Results()).Reason);
    }

    [Fact]
    public void SecondAnswer_ToTheSameEntry_FailsTooLate()
    {
        var locker = Started();
        locker.Keypad.Type("482913#");
        long entry = locker.LastEntry();

        locker.SendCommand(locker.DenyFor(entry, "c-1"));
        locker.SendCommand(locker.UnlockFor(entry, 1, "c-2"));
        locker.Run(1000);

        Assert.Empty(locker.Solenoids.Pulses);
        Assert.Equal(new[] { CommandResults.Ok, CommandResults.Failed }, locker.Results().Select(r => r.Result).ToArray());
        Assert.Equal(EnglishMessages.Texts[MessageKeys.CodeRefused], locker.Feedback.Texts.Last(t => t != "")); // the deny was shown, nothing after it
    }

    [Fact]
    public void Deny_AfterTheAnswerWindow_DoesNotShowCodeRefusedToTheNextPerson()
    {
        var locker = Started();
        locker.Keypad.Type("482913#");
        long entry = locker.LastEntry();
        locker.Run(locker.Config.AnswerS * 1000L + 100);
        locker.Keypad.Type("12"); // the next person starts typing

        locker.SendCommand(locker.DenyFor(entry, "c-late"));

        Assert.Equal("**", locker.Feedback.Display);
        Assert.Equal(CommandResults.TooLate, Assert.Single(locker.Results()).Reason);
    }

    [Fact]
    public void Unlock_WithoutAnEntry_RemoteOpen_StillRuns()
    {
        var locker = Started();

        locker.SendCommand(locker.Unlock(3, "c-staff"));
        locker.OpenWhenPulsed(3);

        Assert.Equal(CommandResults.Ok, Assert.Single(locker.Results()).Result);
    }

    [Fact]
    public void Unlock_NamingAnEntryOfAnEarlierBoot_FailsTooLate()
    {
        var storage = new Fakes.FakeStorage();
        var before = new LockerHarness(storage);
        before.Link.Connect();
        before.Controller.Start();
        before.Keypad.Type("482913#");
        long entry = before.LastEntry();
        before.Controller.Stop();
        var after = new LockerHarness(storage);
        after.Link.Connect();
        after.Controller.Start();
        after.Run(300);
        after.Keypad.Type("999999#"); // a new entry of this boot, at the same slot

        after.SendCommand(after.UnlockFor(entry, 1, "c-old-boot"));
        after.Run(500);

        Assert.NotEqual(entry, after.LastEntry());
        Assert.Empty(after.Solenoids.Pulses);
        Assert.Equal(CommandResults.TooLate, Assert.Single(after.Results()).Reason);
    }

    private static LockerHarness Started()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Run(300);
        return locker;
    }
}
