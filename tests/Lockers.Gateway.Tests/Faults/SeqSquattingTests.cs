using System.Text;
using Lockers.Core.Protocol;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Tests.Localization;
using Lockers.Gateway.Tests.Security;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Faults;

/// <summary>
/// Issue 13, finding 5 (seq squatting): someone holding a copy of a locker's credentials (and its flash, so its epoch and
/// next seq) publishes an event at that seq before the locker does. The real event arrives under an identity already
/// applied: it used to be dropped silently as a duplicate. Now its payload's digest differs, so it is kept for
/// reconciliation (code redacted) and the critical event_conflict alarm is raised. The rogue is an independent client,
/// MQTTnet 5 speaking MQTT 3.1.1 over TLS with the locker's stolen certificate (Security/RogueLocker).
/// </summary>
public sealed class SeqSquattingTests
{
    [Fact]
    public async Task EventPublishedAtTheLockersNextSeq_TheRealEventIsKeptAndAlarmedNotDropped()
    {
        await using var site = await FaultSite.CreateAsync();
        await site.StartGatewayProcessAsync();
        await site.StartLockersAsync("test-a");
        var booked = await site.BookAsync();
        var locker = site.Locker("test-a");
        var epoch = locker.Controller!.EventEpoch;
        var seq = locker.Controller.NextEventSeq;

        var squatted = Encoding.UTF8.GetBytes(
            $"{{\"seq\":{seq},\"epoch\":\"{epoch}\",\"kind\":\"door\",\"uptime_ms\":1,\"compartment\":{booked.Reservation.Compartment},\"state\":\"closed\"}}");
        // Its certificate and key, copied from the locker's files: the broker takes it for the locker itself.
        await using (var rogue = await RogueLocker.ConnectWithStolenFilesAsync(site.ProvisionedFolder("test-a"), site.Broker.Broker.Host,
                         site.Broker.Port, TestIds.ClientId(role: "rogue")))
        {
            await rogue.PublishAsync(Topics.Event("test-a"), squatted);
        }

        await Wait.UntilAsync(async () => await site.ScalarAsync(
                "SELECT COUNT(*) FROM applied_events WHERE locker_id = 'test-a' AND epoch = $r AND seq = " + seq, epoch) == 1,
            FaultSite.Timeout, "the gateway to apply the rogue's event");

        // The courier's code is the locker's real event at that seq.
        locker.Type(booked.DropoffCode + "#");
        await Wait.UntilAsync(async () => await site.ScalarAsync("SELECT COUNT(*) FROM event_conflicts WHERE locker_id = 'test-a' AND seq = " + seq) == 1,
            FaultSite.Timeout, "the real event to be kept as a conflict");
        Assert.Equal(1, await site.ScalarAsync(
            "SELECT COUNT(*) FROM event_conflicts WHERE payload LIKE '%\"kind\":\"code_entered\"%' AND payload LIKE '%[redacted]%' AND payload NOT LIKE $r",
            "%" + booked.DropoffCode + "%"));
        await Wait.UntilAsync(async () => await site.ScalarAsync(
                "SELECT COUNT(*) FROM monitoring_alarms WHERE locker_id = 'test-a' AND kind = $r AND severity = 3", AlarmKinds.EventConflict) == 1,
            FaultSite.Timeout, "the critical event_conflict alarm");
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(await site.AlarmDetailAsync("test-a", AlarmKinds.EventConflict));

        // The locker's numbering goes on: the courier types the code again and the deposit proceeds.
        await site.EnterCodeAndWaitOpenAsync("test-a", booked.DropoffCode, booked.Reservation.Compartment!.Value);
        await site.WaitJournalsEmptyAsync("the locker's later events to be confirmed");
    }
}
