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
        locker.Link.AckAll();
        int publishedBefore = locker.Link.On(locker.EventTopic).Count;

        locker.Link.Drop();
        locker.Keypad.Type("111111#");
        locker.Scanner.Send("QR-2\r");
        locker.Keypad.Type("333333#");
        Assert.Equal(publishedBefore, locker.Link.On(locker.EventTopic).Count);
        Assert.Equal(3, locker.Controller.JournalDepth);

        locker.Link.Connect();
        locker.Link.AckAll();

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
        Assert.Equal(0, locker.Controller.JournalDepth);
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
