using Lockers.Core.App;
using Lockers.Core.Protocol;
using Lockers.Core.Tests.Fakes;
using Lockers.Core.Texts;

namespace Lockers.Core.Tests.App;

/// <summary>Offline code checks: when the gateway does not answer within offlineAfterS, the locker checks its cache.</summary>
public class LockerControllerOfflineTests
{
    private const string Pin = "482913";
    private const string QrToken = "QR-TOKEN-0123456789abcdef";

    [Fact]
    public void SyncCodes_AllPartsInOrder_ReplaceTheCache()
    {
        var locker = Started();

        locker.SyncCodes(3, locker.CachedEntry(11, 1, 'p', Pin), locker.CachedEntry(12, 2, 'q', QrToken));

        Assert.Equal(3, locker.Controller.OfflineCodeVersion);
        Assert.Equal(2, locker.Controller.OfflineCodeCount);
        Assert.All(locker.Results(), r => Assert.Equal(CommandResults.Ok, r.Result));
    }

    [Fact]
    public void SyncCodes_APartMissing_LeavesTheOldCacheAndFailsOutOfOrder()
    {
        var locker = Started();
        locker.SyncCodes(1, locker.CachedEntry(11, 1, 'p', Pin));
        long expires = UnixTime.ToUnixSeconds(locker.Clock.UtcNow) + 60;

        // Part 2 of 2 of version 2 without its part 1 (refused or lost on the way).
        locker.SendCommand(Commands.SyncPart(locker, 2, 2, 2, locker.CachedEntry(13, 3, 'p', "111111"), expires));

        Assert.Equal(1, locker.Controller.OfflineCodeVersion);
        Assert.Equal(1, locker.Controller.OfflineCodeCount);
        Assert.Equal(CommandResults.OutOfOrder, locker.Results().Last().Reason);
    }

    [Fact]
    public void LinkDown_CachedPin_OpensAtOnce_JournalsCodeOfflineBeforeTheDoor_AndSpendsTheCode()
    {
        var locker = Started();
        locker.SyncCodes(1, locker.CachedEntry(41, 2, 'p', Pin));
        locker.Link.Drop();

        locker.Keypad.Type(Pin + "#");
        locker.OpenWhenPulsed(2);
        locker.Sensors.Set(2, open: false);
        locker.Run(200);

        Assert.Single(locker.Solenoids.Pulses);
        Assert.Equal(0, locker.Controller.OfflineCodeCount);
        locker.Link.Connect();
        locker.Link.AckAll();
        var events = locker.Events();
        int entered = events.FindIndex(e => e.Kind == EventKinds.CodeEntered);
        int offline = events.FindIndex(e => e.Kind == EventKinds.CodeOffline);
        int opened = events.FindIndex(e => e.Kind == EventKinds.Door && e.DoorState == DoorStates.Opened);
        Assert.True(entered < offline && offline < opened, string.Join(",", events.Select(e => e.Kind)));
        var codeOffline = events[offline];
        Assert.Equal((41L, 2, CodeSources.Keypad, "kp-1"), (codeOffline.CodeRef, codeOffline.Compartment, codeOffline.Source, codeOffline.Reader));
        Assert.Equal(events[entered].Entry, codeOffline.Entry);
    }

    [Fact]
    public void LinkDown_SpentPin_DoesNotOpenASecondTime()
    {
        var locker = Started();
        locker.SyncCodes(1, locker.CachedEntry(41, 2, 'p', Pin));
        locker.Link.Drop();
        locker.Keypad.Type(Pin + "#");
        locker.OpenWhenPulsed(2);
        locker.Sensors.Set(2, open: false);
        locker.Run(200);

        locker.Keypad.Type(Pin + "#");
        locker.Run(locker.Config.AnswerS * 1000L + 100);

        Assert.Single(locker.Solenoids.Pulses);
        Assert.Equal(EnglishMessages.Texts[MessageKeys.CannotCheck], locker.Feedback.Display);
    }

    [Fact]
    public void LinkUpButSilent_AfterOfflineAfterS_OpensFromTheCache_AndTheLateUnlockFailsTooLate()
    {
        var locker = Started();
        locker.SyncCodes(1, locker.CachedEntry(41, 3, 'p', Pin));
        locker.Keypad.Type(Pin + "#");
        long entry = locker.LastEntry();

        locker.Run(locker.Config.OfflineAfterS * 1000L - 50);
        Assert.Empty(locker.Solenoids.Pulses); // the gateway gets its chance first
        locker.OpenWhenPulsed(3);
        locker.Sensors.Set(3, open: false);
        locker.Run(200);
        locker.SendCommand(locker.UnlockFor(entry, 3, "c-late"));
        locker.Run(1000);

        Assert.Single(locker.Solenoids.Pulses);
        Assert.Equal(CommandResults.TooLate, locker.Results().Last().Reason);
    }

    [Fact]
    public void CachedPin_AtTheScanner_OrQrTokenAtTheKeypad_DoesNotOpen()
    {
        var locker = Started();
        locker.SyncCodes(1, locker.CachedEntry(41, 1, 'p', Pin), locker.CachedEntry(42, 2, 'q', QrToken));
        locker.Link.Drop();

        locker.Scanner.Send(Pin + "\r\n", chunk: 64);
        locker.Keypad.Type("1234#"); // a different entry at the keypad; QR tokens cannot be typed
        locker.Run(locker.Config.AnswerS * 1000L + 100);

        Assert.Empty(locker.Solenoids.Pulses);
    }

    [Fact]
    public void CachedQrToken_AtTheScanner_Opens()
    {
        var locker = Started();
        locker.SyncCodes(1, locker.CachedEntry(42, 2, 'q', QrToken));
        locker.Link.Drop();

        locker.Scanner.Send(QrToken + "\r\n", chunk: 64);
        locker.OpenWhenPulsed(2);

        Assert.Single(locker.Solenoids.Pulses);
    }

    [Fact]
    public void ExpiredCacheEntry_DoesNotOpen()
    {
        var locker = Started();
        locker.SyncCodes(1, locker.CachedEntry(41, 1, 'p', Pin, validS: 60));
        locker.Link.Drop();
        locker.Clock.Advance(61_000);

        locker.Keypad.Type(Pin + "#");
        locker.Run(locker.Config.AnswerS * 1000L + 100);

        Assert.Empty(locker.Solenoids.Pulses);
        Assert.Equal(EnglishMessages.Texts[MessageKeys.CannotCheck], locker.Feedback.Display);
    }

    [Fact]
    public void NoWallTime_NoOfflineOpen()
    {
        var locker = Started();
        locker.SyncCodes(1, locker.CachedEntry(41, 1, 'p', Pin));
        locker.Link.Drop();
        locker.Clock.ClearWallTime();

        locker.Keypad.Type(Pin + "#");
        locker.Run(locker.Config.AnswerS * 1000L + 100);

        Assert.Empty(locker.Solenoids.Pulses);
    }

    [Fact]
    public void JammedDoor_Offline_KeepsTheCodeForAnotherTry()
    {
        var locker = Started();
        locker.SyncCodes(1, locker.CachedEntry(41, 1, 'p', Pin));
        locker.Link.Drop();

        locker.Keypad.Type(Pin + "#");
        locker.Run(4000); // the door never opens within the board's openConfirmMs (3 s): jammed

        Assert.Equal(1, locker.Controller.OfflineCodeCount);
        locker.Link.Connect();
        Assert.Contains(locker.Events(), e => e.Kind == EventKinds.Door && e.DoorState == DoorStates.Jammed);
    }

    [Fact]
    public void WrongPinsOffline_ThrottleTheKeypadButNeverTheScanner()
    {
        var locker = Started();
        locker.SyncCodes(1, locker.CachedEntry(41, 1, 'p', Pin), locker.CachedEntry(42, 2, 'q', QrToken));
        locker.Link.Drop();

        for (int i = 0; i < 4; i++) locker.Keypad.Type("00000" + i + "#");
        locker.Keypad.Type(Pin + "#"); // the right PIN, but the keypad must wait 5 s

        Assert.Equal(EnglishMessages.Texts[MessageKeys.Throttled].Replace("{0}", "5", StringComparison.Ordinal), locker.Feedback.Display);
        Assert.Empty(locker.Solenoids.Pulses);
        locker.Scanner.Send(QrToken + "\r\n", chunk: 64);
        locker.OpenWhenPulsed(2);
        locker.Run(5000);
        locker.Keypad.Type(Pin + "#");
        locker.OpenWhenPulsed(1);
        Assert.Equal(2, locker.Solenoids.Pulses.Count);
    }

    [Fact]
    public void Cache_SurvivesAReboot_AndASpentCodeStaysSpentWhenAnOlderPushListsIt()
    {
        var storage = new FakeStorage();
        var before = Started(storage);
        before.SyncCodes(1, before.CachedEntry(41, 1, 'p', Pin), before.CachedEntry(42, 2, 'p', "777777"));
        before.Link.Drop();
        before.Keypad.Type(Pin + "#");
        before.OpenWhenPulsed(1);
        before.Controller.Stop();

        var after = Started(storage);
        Assert.Equal(1, after.Controller.OfflineCodeCount);
        // Pushed before the gateway saw the offline opening: it still lists code 41.
        after.SyncCodes(2, after.CachedEntry(41, 1, 'p', Pin), after.CachedEntry(42, 2, 'p', "777777"));
        after.Link.Drop();
        after.Keypad.Type(Pin + "#");
        after.Run(after.Config.AnswerS * 1000L + 100);

        Assert.Equal(1, after.Controller.OfflineCodeCount);
        Assert.Empty(after.Solenoids.Pulses);
    }

    private static LockerHarness Started(FakeStorage? storage = null)
    {
        var locker = new LockerHarness(storage);
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Run(300);
        return locker;
    }

    private static class Commands
    {
        public static Lockers.Core.Commands.SignedCommand SyncPart(LockerHarness locker, long version, int part, int parts, string codes, long expires) =>
            Lockers.Core.Commands.SignedCommand.SyncCodes(LockerHarness.LockerId, "s-x", 5000 + part, expires, version, part, parts, codes);
    }
}
