using System.Text;
using Lockers.Core.Journal;
using Lockers.Core.Protocol;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Journal;

/// <summary>The event journal over its storage: a full journal, reboots over the same storage, corrupt entries and counters, storage failures, deep journals.</summary>
public partial class EventJournalTests
{
    [Fact]
    public void Append_Full_DropsOldestAndCountsPersistently()
    {
        var journal = Open(capacity: 3);
        for (int i = 1; i <= 5; i++)
        {
            journal.Append(Door(i));
        }

        Assert.Equal(new long[] { 3, 4, 5 }, journal.PendingSeqs());
        Assert.Equal(2, journal.Dropped);
        Assert.False(_storage.Contains(JournalKeys.Entry(1)));
        Assert.Equal("2", Encoding.ASCII.GetString(_storage.Read(JournalKeys.Dropped)));
        Assert.Equal(2, Open(capacity: 3).Dropped);
    }

    [Fact]
    public void Append_FullWhileOldestInFlight_DropsItAndIgnoresItsLateAck()
    {
        var journal = Open(capacity: 2);
        journal.Append(Door(1));
        var link = new JournalTestLink();
        journal.SendPending(link, Topic);
        journal.Append(Door(2));
        journal.Append(Door(3));

        Assert.False(journal.Acknowledge(link.Published[0].Id));
        Assert.Equal(new long[] { 2, 3 }, journal.PendingSeqs());
        Assert.Equal(0, journal.InFlight);
    }

    [Fact]
    public void Reboot_NewJournalOverSameStorage_KeepsEventsAndNeverReusesSeq()
    {
        var before = Open();
        before.Append(Door(1));
        before.Append(Door(2));
        before.Append(Door(3));
        var link = new JournalTestLink();
        before.SendPending(link, Topic);
        before.Confirm(before.Epoch, 3, replay: false); // all gone: only the counter remembers seq 3

        var after = Open();

        Assert.Empty(after.PendingSeqs());
        Assert.Equal(before.Epoch, after.Epoch);
        Assert.False(after.StartedNewEpoch);
        Assert.Equal(4, after.Append(Door(4)));
        var replay = new JournalTestLink();
        after.SendPending(replay, Topic);
        Assert.Equal(new long[] { 4 }, replay.PublishedSeqs());
    }

    [Fact]
    public void Reboot_CapacityLowered_TrimsOldest()
    {
        var before = Open();
        for (int i = 1; i <= 4; i++)
        {
            before.Append(Door(i));
        }

        var after = Open(capacity: 2);

        Assert.Equal(new long[] { 3, 4 }, after.PendingSeqs());
        Assert.Equal(2, after.Dropped);
    }

    [Fact]
    public void Reboot_CorruptEntries_AreSkippedCountedAndDeleted()
    {
        var before = Open();
        for (int i = 1; i <= 4; i++)
        {
            before.Append(Door(i));
        }

        byte[] whole = _storage.Read(JournalKeys.Entry(2));
        _storage.Seed(JournalKeys.Entry(2), whole.Take(whole.Length / 2).ToArray()); // torn write
        _storage.Seed(JournalKeys.Entry(3), Encoding.UTF8.GetBytes("{\"seq\":99,\"kind\":\"tamper\",\"uptime_ms\":1}")); // wrong seq
        _storage.Seed("jrn.e.garbage", new byte[] { 1, 2, 3 });
        _storage.Seed(JournalKeys.Entry(7), new byte[0]);

        var after = Open();

        Assert.Equal(new long[] { 1, 4 }, after.PendingSeqs());
        Assert.Equal(4, after.CorruptSkipped);
        Assert.False(_storage.Contains(JournalKeys.Entry(2)));
        Assert.False(_storage.Contains("jrn.e.garbage"));
        Assert.Equal(8, after.NextSeq);
    }

    [Fact]
    public void Reboot_CorruptCounters_FallBackAboveStoredEvents()
    {
        var before = Open();
        before.Append(Door(1));
        before.Append(Door(2));
        _storage.Seed(JournalKeys.NextSeq, Encoding.ASCII.GetBytes("1x"));
        _storage.Seed(JournalKeys.Dropped, new byte[] { 0xFF });

        var after = Open();

        Assert.Equal(3, after.NextSeq);
        Assert.Equal(before.Epoch, after.Epoch); // taken from the newest entry: the numbering is proven
        Assert.Equal(0, after.Dropped);
        Assert.Equal(2, after.CorruptSkipped);
        Assert.Contains("sequence counter is unreadable", after.StorageProblems);
    }

    [Fact]
    public void Append_StorageFails_Throws()
    {
        var journal = Open();
        _storage.FailWritesWith = new IOException("flash full");

        Assert.Throws<IOException>(() => journal.Append(Door(1)));
        Assert.Equal(0, journal.Depth);
    }

    [Fact]
    public void Constructor_BadCapacity_Throws()
    {
        Assert.Throws<ArgumentException>(() => Open(capacity: 0));
        Assert.Throws<ArgumentException>(() => Open(maxInFlight: 0));
    }

    [Fact]
    public void Read_StoredEvent_ReturnsItsJson()
    {
        var journal = Open();
        journal.Append(LockerEvent.Tamper("lid"));

        Assert.Contains("\"detail\":\"lid\"", Encoding.UTF8.GetString(journal.Read(1)!));
        Assert.Null(journal.Read(2));
    }

    // Deeper than the front of the journal whose keys are kept (JournalEntries.KeptKeys), and past a capacity trim.
    [Fact]
    public void SendPending_DeepJournalFilledOffline_SendsAllInOrderAndDeletesEveryKeyOnce()
    {
        var journal = Open(capacity: 40);
        for (int i = 1; i <= 60; i++)
        {
            journal.Append(Door(1 + i % 3));
        }

        var link = new JournalTestLink();
        SendAndAckAll(journal, link);

        Assert.Equal(Enumerable.Range(21, 40).Select(i => (long)i).ToArray(), link.PublishedSeqs());
        Assert.Equal(0, journal.Depth);
        Assert.DoesNotContain(_storage.Keys, key => key.StartsWith(JournalKeys.EntryPrefix, StringComparison.Ordinal));
        Assert.Equal(Enumerable.Range(1, 60).Select(i => JournalKeys.Entry(i)).ToArray(), _storage.Deletes.Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void SendPending_EntriesDeletedBehindItsBack_AreSkippedAtAnyDepth()
    {
        var journal = Open();
        for (int i = 1; i <= 30; i++)
        {
            journal.Append(Door(1));
        }

        _storage.Delete(JournalKeys.Entry(3));
        _storage.Delete(JournalKeys.Entry(25));
        var link = new JournalTestLink();
        SendAndAckAll(journal, link);

        Assert.Equal(Enumerable.Range(1, 30).Where(i => i != 3 && i != 25).Select(i => (long)i).ToArray(), link.PublishedSeqs());
        Assert.Equal(0, journal.Depth);
    }

    [Fact]
    public void Reboot_DeepJournal_SentInOrderByTheNewJournal()
    {
        var before = Open();
        for (int i = 1; i <= 30; i++)
        {
            before.Append(Door(2));
        }

        before.SendPending(new JournalTestLink(), Topic); // in flight when the power went

        var after = Open();
        var link = new JournalTestLink();
        SendAndAckAll(after, link);

        Assert.Equal(Enumerable.Range(1, 30).Select(i => (long)i).ToArray(), link.PublishedSeqs());
        Assert.DoesNotContain(_storage.Keys, key => key.StartsWith(JournalKeys.EntryPrefix, StringComparison.Ordinal));
        Assert.Equal(31, after.Append(Door(1)));
    }

    // As a connected locker does: send what the window allows, the broker acks in order, repeat.
    private static void SendAndAckAll(EventJournal journal, JournalTestLink link)
    {
        int acked = 0;
        for (int round = 0; round < 1_000 && journal.Depth > 0; round++)
        {
            journal.SendPending(link, Topic);
            while (acked < link.Published.Count)
            {
                journal.Acknowledge(link.Published[acked].Id);
                // The gateway applies in order and confirms each: cumulative, so a skipped (deleted) seq is covered.
                journal.Confirm(journal.Epoch, LockerEvent.Parse(link.Published[acked++].Payload).Seq, replay: false);
            }
        }
    }
}
