using System.Text;
using Lockers.Core.Journal;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Tests.Localization;
using Lockers.Gateway.Webhooks;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Faults;

/// <summary>
/// Issue 12, finding 6: a locker whose sequence counter is corrupted numbered from 1 again, and the gateway dropped
/// every new event as a duplicate of an old one, so a valid code got no answer until the numbering passed the old
/// maximum. Now the locker starts a new epoch, says so (storage_fault), and its events are applied at once; the gateway
/// raises sequence_reset.
/// </summary>
public sealed class CounterResetTests
{
    [Fact]
    public async Task CorruptedCounter_LockerStartsANewEpoch_ThePinIsAnsweredAtOnceAndTheResetIsAlarmed()
    {
        await using var site = await FaultSite.CreateAsync();
        await site.StartGatewayProcessAsync();
        await site.StartLockersAsync("test-a");
        var (id, door, pin) = await site.DepositAsync("test-a");
        await site.WaitJournalsEmptyAsync("the deposit to be confirmed");
        var locker = site.Locker("test-a");
        var oldEpoch = locker.Controller!.EventEpoch;
        Assert.True(locker.Controller.NextEventSeq > 4, "the old numbering must be ahead of the new one for the test to mean anything");

        await locker.PowerCutAsync();
        await File.WriteAllBytesAsync(Path.Combine(site.FlashOf("test-a"), JournalKeys.NextSeq), Encoding.ASCII.GetBytes("\u00ff\u00fe17x"));
        await locker.StartAsync();
        Assert.NotEqual(oldEpoch, locker.Controller!.EventEpoch);
        Assert.True(locker.Controller.NextEventSeq <= 3); // boot and storage_fault: numbering from 1 again

        await site.EnterCodeAndWaitOpenAsync("test-a", pin, door);
        locker.Close(door);
        await site.WaitStatusAsync(id, "picked_up");

        await site.AssertNothingLostAsync(id, "picked_up", consumed: 2, WebhookEvents.Deposited, WebhookEvents.ReadyForPickup, WebhookEvents.PickedUp);
        Assert.Equal(1, await site.AuditCountAsync(Gateway.Audit.AuditActions.SequenceReset));
        Assert.Equal(1, await site.AuditCountAsync(Gateway.Audit.AuditActions.StorageFault));
        await Wait.UntilAsync(async () =>
                await site.ScalarAsync("SELECT COUNT(*) FROM monitoring_alarms WHERE locker_id = 'test-a' AND kind = $r", AlarmKinds.SequenceReset) == 1
                && await site.ScalarAsync("SELECT COUNT(*) FROM monitoring_alarms WHERE locker_id = 'test-a' AND kind = $r", AlarmKinds.StorageFault) == 1,
            FaultSite.Timeout, "the sequence_reset and storage_fault alarms");
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(await site.AlarmDetailAsync("test-a", AlarmKinds.SequenceReset));
    }
}
