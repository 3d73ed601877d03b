using Lockers.Core.Protocol;

namespace Lockers.Core.Tests.App;

public class LockerControllerJournalTests
{
    [Fact]
    public void LinkDown_EventsJournalled_LinkUp_ReplayedInOrderWithoutGaps()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.ConfirmAll();
        int publishedBefore = locker.Link.On(locker.EventTopic).Count;

        locker.Link.Drop();
        locker.Keypad.Type("111111#");
        locker.Scanner.Send("QR-2\r");
        locker.Keypad.Type("333333#");
        Assert.Equal(publishedBefore, locker.Link.On(locker.EventTopic).Count);
        Assert.Equal(3, locker.Controller.JournalDepth);

        locker.Link.Connect();
        locker.ConfirmAll();

        var replayed = locker.Events().Skip(publishedBefore).ToList();
        Assert.Equal(new[] { "111111", "QR-2", "333333" }, replayed.Select(e => e.Code).ToArray());
        var seqs = replayed.Select(e => e.Seq).ToArray();
        Assert.Equal(Enumerable.Range((int)seqs[0], 3).Select(i => (long)i).ToArray(), seqs);
        Assert.Equal(0, locker.Controller.JournalDepth);
    }

    [Fact]
    public void LinkDrops_BeforeAck_UnackedEventsSentAgainAfterReconnect()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Keypad.Type("123123#");
        long seq = locker.Events()[^1].Seq;

        locker.Link.Drop();
        locker.Link.Connect();

        var copies = locker.Events().Where(e => e.Seq == seq).ToList();
        Assert.Equal(2, copies.Count);
        Assert.Equal("123123", copies[1].Code);
    }

    [Fact]
    public void Acks_ForStatusAndResults_DoNotRemoveJournalEvents()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        var statusId = locker.Link.On(Topics.Status(LockerHarness.LockerId)).Single().Id;

        locker.Link.Ack(statusId);

        Assert.Equal(1, locker.Controller.JournalDepth); // the boot event still waits for its own ack
        locker.Link.AckAll();
        Assert.Equal(1, locker.Controller.JournalDepth); // and the broker's PUBACK is not the gateway's word
        locker.GatewayAck(1);
        Assert.Equal(0, locker.Controller.JournalDepth);
    }

    [Fact]
    public void GatewayAck_DeletesThroughItsSeq_ForgedOrOtherEpochAcksDeleteNothing()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Keypad.Type("111111#");
        locker.Keypad.Type("222222#");
        locker.Link.AckAll();

        locker.Link.Deliver(locker.AckTopic, locker.SignedAck(3, key: Enumerable.Repeat((byte)7, 32).ToArray())); // not our key
        locker.Link.Deliver(locker.AckTopic, locker.SignedAck(3, epoch: "0123456789abcdef")); // another epoch
        locker.Link.Deliver(locker.AckTopic, "{\"seq\":3}"u8.ToArray()); // no signature
        locker.Link.Deliver(locker.AckTopic, "not json"u8.ToArray());
        Assert.Equal(3, locker.Controller.JournalDepth);
        Assert.Equal(3, locker.Controller.RefusedAcks); // the other epoch's is late, not refused

        locker.GatewayAck(2);
        Assert.Equal(1, locker.Controller.JournalDepth);
        locker.GatewayAck(3);
        Assert.Equal(0, locker.Controller.JournalDepth);
    }

    [Fact]
    public void GatewayAsksForReplay_EverythingAfterItsSeqIsSentAgainInOrder()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Keypad.Type("111111#");
        locker.Keypad.Type("222222#");
        locker.Link.AckAll();
        int sent = locker.Events().Count;

        locker.GatewayAck(1, replay: true); // the gateway has the boot event; 2 went missing and 3 arrived alone

        Assert.Equal(new long[] { 2, 3 }, locker.Events().Skip(sent).Select(e => e.Seq).ToArray());
        Assert.Equal(2, locker.Controller.JournalDepth);
    }

    [Fact]
    public void GatewaySilent_EventsAreSentAgainAfterTheAckTimeout()
    {
        var locker = new LockerHarness();
        locker.Link.Connect();
        locker.Controller.Start();
        locker.Keypad.Type("123123#");
        locker.Link.AckAll();
        int sent = locker.Events().Count;

        locker.Run(Lockers.Core.Journal.EventJournal.DefaultAckTimeoutMs - 100);
        Assert.Equal(sent, locker.Events().Count);
        locker.Run(200);

        Assert.Equal(new long[] { 1, 2 }, locker.Events().Skip(sent).Select(e => e.Seq).ToArray());
    }

    [Fact]
    public void CorruptCounterAtBoot_NewEpochAndAStorageFaultEventForTheGateway()
    {
        var first = new LockerHarness();
        first.Controller.Start();
        string oldEpoch = first.Controller.EventEpoch;
        first.Link.Connect();
        first.ConfirmAll();
        first.Controller.Stop();
        first.Storage.Seed(Lockers.Core.Journal.JournalKeys.NextSeq, "\u00ff\u00fe"u8.ToArray());

        var second = new LockerHarness(first.Storage);
        second.Controller.Start();
        second.Link.Connect();

        var events = second.Events();
        Assert.NotEqual(oldEpoch, second.Controller.EventEpoch);
        Assert.Equal(new[] { EventKinds.Boot, EventKinds.StorageFault }, events.Select(e => e.Kind).ToArray());
        Assert.Equal(new long[] { 1, 2 }, events.Select(e => e.Seq).ToArray());
        Assert.All(events, e => Assert.Equal(second.Controller.EventEpoch, e.Epoch));
        Assert.Contains("sequence counter is unreadable", events[1].Detail);
        Assert.Contains("new epoch " + second.Controller.EventEpoch, events[1].Detail);
    }

    [Fact]
    public void PowerCut_UnackedEvents_ReplayedByNextBootFromSameStorage()
    {
        var first = new LockerHarness();
        first.Controller.Start();
        first.Keypad.Type("777777#");
        first.Controller.Stop(); // power cut: nothing was ever sent

        var second = new LockerHarness(first.Storage);
        second.Controller.Start();
        second.Link.Connect();

        var events = second.Events();
        Assert.Equal(new[] { EventKinds.Boot, EventKinds.CodeEntered, EventKinds.Boot }, events.Select(e => e.Kind).ToArray());
        Assert.Equal(new long[] { 1, 2, 3 }, events.Select(e => e.Seq).ToArray());
    }
}
