using Lockers.Core.Acks;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Localization;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// The gateway's side of end-to-end acknowledgement over real MQTT (ADR 0207): applied events are acked on the locker's
/// ack topic, signed with its key; a gap holds later events and asks for a replay; a gap replays never fill is declared
/// lost after LockerLink:GapTimeoutSeconds (test clock) and the numbering moves on.
/// </summary>
public sealed class EventSequenceTests
{
    private const string Epoch = "0123456789abcdef";

    [Fact]
    public async Task AppliedEvent_IsAcknowledgedOnTheAckTopic_SignedWithTheLockersKey()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        locker.Epoch = Epoch;
        await locker.SubscribeAcksAsync();

        await locker.PublishAsync(LockerEvent.Tamper("lid"));

        Assert.Equal((AckVerdict.Accepted, 1L, false), await locker.NextAckAsync());
    }

    [Fact]
    public async Task GapInTheNumbering_LaterEventIsHeldAndAReplayAsked_ThenEverythingIsAppliedInOrder()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        locker.Epoch = Epoch;
        await locker.SubscribeAcksAsync();
        await locker.RepublishAsync(LockerEvent.Tamper("first"), 1);
        Assert.Equal((AckVerdict.Accepted, 1L, false), await locker.NextAckAsync());

        await locker.RepublishAsync(LockerEvent.Tamper("third"), 3); // 2 went missing

        Assert.Equal((AckVerdict.Accepted, 1L, true), await locker.NextAckAsync());
        Assert.Equal(1, system.Counters.Held);
        Assert.DoesNotContain(await AuditAsync(system, AuditActions.Tamper), a => a.Detail!.Contains("third"));

        // The locker replays from 2, oldest first.
        await locker.RepublishAsync(LockerEvent.Tamper("second"), 2);
        await locker.RepublishAsync(LockerEvent.Tamper("third"), 3);
        // Acks are cumulative: 2 and 3 applied in one group commit are confirmed by one ack.
        var ack = await locker.NextAckAsync();
        if (ack.Seq == 2)
        {
            ack = await locker.NextAckAsync();
        }

        Assert.Equal((AckVerdict.Accepted, 3L, false), ack);
        var applied = (await AuditAsync(system, AuditActions.Tamper)).OrderBy(a => a.Id).Select(a => a.Detail).ToList();
        Assert.Equal(["seq=1 first", "seq=2 second", "seq=3 third"], applied);
        Assert.Equal(0, await system.Gateway.Factory.Service<ILockerStore>().ReadAsync(tx => tx.Audit.ListRecentAsync(100))
            .ContinueWith(t => t.Result.Count(a => a.Action == AuditActions.EventsLost)));
    }

    [Fact]
    public async Task GapNeverFilled_IsDeclaredLostAfterTheTimeoutAndTwoRequests_AndTheNumberingMovesOn()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        locker.Epoch = Epoch;
        await locker.SubscribeAcksAsync();
        await locker.RepublishAsync(LockerEvent.Tamper("first"), 1);
        Assert.Equal(1L, (await locker.NextAckAsync()).Seq);

        await locker.RepublishAsync(LockerEvent.Tamper("fifth"), 5);
        Assert.Equal((AckVerdict.Accepted, 1L, true), await locker.NextAckAsync());
        system.Gateway.Time.Advance(TimeSpan.FromSeconds(6));
        await locker.RepublishAsync(LockerEvent.Tamper("fifth"), 5); // the locker's resend: a second request
        Assert.Equal((AckVerdict.Accepted, 1L, true), await locker.NextAckAsync());
        system.Gateway.Time.Advance(TimeSpan.FromSeconds(60));
        await locker.RepublishAsync(LockerEvent.Tamper("fifth"), 5);

        Assert.Equal((AckVerdict.Accepted, 5L, false), await locker.NextAckAsync());
        var lost = Assert.Single(await AuditAsync(system, AuditActions.EventsLost));
        Assert.Contains("from=2 to=4", lost.Detail);
        await Wait.UntilAsync(async () => (await system.Gateway.Factory.Service<ILockerStore>()
                .ReadAsync(tx => tx.Monitoring.ListOpenAlarmsAsync("test-a"))).Any(a => a.Kind == AlarmKinds.EventsLost),
            TimeSpan.FromSeconds(15), "the events_lost alarm");
        var alarm = (await system.Gateway.Factory.Service<ILockerStore>().ReadAsync(tx => tx.Monitoring.ListOpenAlarmsAsync("test-a")))
            .Single(a => a.Kind == AlarmKinds.EventsLost);
        Assert.Contains("events 2 to 4", alarm.Detail);
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(alarm.Detail);
    }

    [Fact]
    public async Task FirmwareWithoutEpochs_GapIsDeclaredLostAtOnce_BecauseItCannotReplay()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a"); // Epoch null: the field is left out
        await locker.RepublishAsync(LockerEvent.Tamper("first"), 1);
        await locker.RepublishAsync(LockerEvent.Tamper("third"), 3);

        await Wait.UntilAsync(async () => (await AuditAsync(system, AuditActions.Tamper)).Count == 2, TimeSpan.FromSeconds(15),
            "both events to be applied");
        Assert.Contains("from=2 to=2", Assert.Single(await AuditAsync(system, AuditActions.EventsLost)).Detail);
        Assert.Equal(0, system.Counters.Held);
    }

    private static async Task<List<AuditEntry>> AuditAsync(LinkedGateway system, string action) =>
        (await system.Gateway.Factory.Service<ILockerStore>().ReadAsync(tx => tx.Audit.ListRecentAsync(100)))
        .Where(a => a.Action == action).ToList();
}
