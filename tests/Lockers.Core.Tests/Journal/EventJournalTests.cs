using System.Text;
using Lockers.Core.Journal;
using Lockers.Core.Protocol;
using Lockers.Core.Tests.Fakes;

namespace Lockers.Core.Tests.Journal;

/// <summary>
/// The event journal (ADR 0011): appending, sending at QoS 1 within the in-flight window, the broker's PUBACK and the
/// gateway's confirmation, replays and ack timeouts. Capacity, reboots, corrupt storage and deep journals are in
/// EventJournalTests.Storage.cs.
/// </summary>
public partial class EventJournalTests
{
    private const string Topic = "lockers/v1/L1/event";
    private readonly FakeStorage _storage = new();
    private readonly FakeClock _clock = new(uptimeMs: 1000);

    private EventJournal Open(int capacity = 200, int maxInFlight = 8) => new(_storage, _clock, capacity, maxInFlight);

    private static LockerEvent Door(int compartment) => LockerEvent.Door(compartment, DoorStates.Opened);

    [Fact]
    public void Append_FirstEvents_GetSeqFromOneAndAreStoredBeforeSending()
    {
        var journal = Open();

        Assert.Equal(1, journal.Append(Door(1)));
        Assert.Equal(2, journal.Append(Door(2)));

        Assert.Equal(2, journal.Depth);
        Assert.Equal(3, journal.NextSeq);
        var stored = LockerEvent.Parse(_storage.Read(JournalKeys.Entry(2)));
        Assert.Equal(2, stored.Seq);
        Assert.Equal(1000, stored.UptimeMs);
        Assert.Equal("jrn.e.0000000002", JournalKeys.Entry(2));
    }

    [Fact]
    public void Append_CounterWithItsEpochIsWrittenBeforeTheEntry()
    {
        var journal = Open();
        int before = _storage.Writes.Count;

        journal.Append(Door(1));

        Assert.Equal(JournalKeys.NextSeq, _storage.Writes[before].Key);
        Assert.Equal(journal.Epoch + ":2", Encoding.ASCII.GetString(_storage.Writes[before].Data));
        Assert.Equal(JournalKeys.Entry(1), _storage.Writes[before + 1].Key);
        Assert.Equal(journal.Epoch, LockerEvent.Parse(_storage.Read(JournalKeys.Entry(1))).Epoch);
    }

    [Fact]
    public void FirstStart_EmptyStorage_StartsARandomEpochAndSavesItAtOnce()
    {
        var journal = Open();

        Assert.True(journal.StartedNewEpoch);
        Assert.True(Epochs.IsValid(journal.Epoch) && journal.Epoch.Length == Epochs.Length, journal.Epoch);
        Assert.Equal(journal.Epoch + ":1", Encoding.ASCII.GetString(_storage.Read(JournalKeys.NextSeq)));
        Assert.Equal("", journal.StorageProblems);
        Assert.NotEqual(journal.Epoch, new EventJournal(new FakeStorage(), _clock).Epoch);
    }

    [Fact]
    public void SendPending_StoredEvents_PublishesOldestFirstAtQos1()
    {
        var journal = Open();
        for (int i = 1; i <= 3; i++)
        {
            journal.Append(Door(i));
        }

        var link = new JournalTestLink();
        Assert.Equal(3, journal.SendPending(link, Topic));

        Assert.Equal(new long[] { 1, 2, 3 }, link.PublishedSeqs());
        Assert.All(link.Published, p => Assert.Equal((Topic, 1, false), (p.Topic, p.Qos, p.Retain)));
        Assert.Equal(3, journal.InFlight);
        Assert.Equal(0, journal.SendPending(link, Topic));
    }

    [Fact]
    public void Acknowledge_BrokerPuback_FreesTheWindowButKeepsTheEventUntilTheGatewayConfirms()
    {
        var journal = Open();
        journal.Append(Door(1));
        journal.Append(Door(2));
        var link = new JournalTestLink();
        journal.SendPending(link, Topic);

        Assert.True(journal.Acknowledge(link.Published[1].Id));

        Assert.Equal(new long[] { 1, 2 }, journal.PendingSeqs());
        Assert.True(_storage.Contains(JournalKeys.Entry(2)));
        Assert.Equal(1, journal.InFlight);
        Assert.False(journal.Acknowledge(999));
        Assert.False(journal.Acknowledge(link.Published[1].Id));
        Assert.Equal(0, journal.SendPending(link, Topic)); // sent once: not due again before a timeout, replay or reconnect
    }

    [Fact]
    public void Confirm_GatewayApplied_DeletesEveryEventThroughItsSeqOnly()
    {
        var journal = Open();
        for (int i = 1; i <= 4; i++)
        {
            journal.Append(Door(i));
        }

        journal.SendPending(new JournalTestLink(), Topic);

        Assert.Equal(2, journal.Confirm(journal.Epoch, 2, replay: false));

        Assert.Equal(new long[] { 3, 4 }, journal.PendingSeqs());
        Assert.False(_storage.Contains(JournalKeys.Entry(1)));
        Assert.False(_storage.Contains(JournalKeys.Entry(2)));
        Assert.True(_storage.Contains(JournalKeys.Entry(3)));
        Assert.Equal(2, journal.InFlight); // 3 and 4 still wait for the broker
        Assert.Equal(0, journal.SendPending(new JournalTestLink(), Topic));
        Assert.Equal(0, journal.Confirm(journal.Epoch, 2, replay: false)); // an old ack again: nothing more
    }

    [Fact]
    public void Confirm_AnotherEpoch_DeletesNothing()
    {
        var journal = Open();
        journal.Append(Door(1));

        Assert.Equal(0, journal.Confirm("0123456789abcdef", 5, replay: false));
        Assert.Equal(0, journal.Confirm("", 5, replay: false));

        Assert.Equal(new long[] { 1 }, journal.PendingSeqs());
    }

    [Fact]
    public void Confirm_WithReplay_SendsEveryRemainingEventAgainInOrder()
    {
        var journal = Open();
        for (int i = 1; i <= 4; i++)
        {
            journal.Append(Door(i));
        }

        var link = new JournalTestLink();
        journal.SendPending(link, Topic);
        for (int i = 0; i < 4; i++) journal.Acknowledge(link.Published[i].Id);

        journal.Confirm(journal.Epoch, 1, replay: true); // the gateway has 1, and 3 arrived without 2

        var again = new JournalTestLink();
        Assert.Equal(3, journal.SendPending(again, Topic));
        Assert.Equal(new long[] { 2, 3, 4 }, again.PublishedSeqs());
    }

    [Fact]
    public void CheckAckTimeout_NoConfirmation_ResendsEverythingAndBacksOffUntilTheGatewayAnswers()
    {
        var journal = Open();
        journal.Append(Door(1));
        journal.Append(Door(2));
        var link = new JournalTestLink();
        journal.SendPending(link, Topic);
        link.AckAllTo(journal);
        long timeout = EventJournal.DefaultAckTimeoutMs;

        Assert.False(journal.CheckAckTimeout(_clock.UptimeMs + timeout - 1));
        Assert.True(journal.CheckAckTimeout(_clock.UptimeMs + timeout));
        Assert.Equal(2 * timeout, journal.AckTimeoutMs);
        _clock.Advance(timeout);
        Assert.Equal(2, journal.SendPending(link, Topic));
        link.AckAllTo(journal);
        Assert.False(journal.CheckAckTimeout(_clock.UptimeMs + 2 * timeout - 1));
        Assert.True(journal.CheckAckTimeout(_clock.UptimeMs + 2 * timeout));
        for (int i = 0; i < 10; i++)
        {
            Assert.False(journal.CheckAckTimeout(long.MaxValue / 2)); // nothing was sent since: no timer runs
        }

        Assert.Equal(4 * timeout, journal.AckTimeoutMs);
        journal.SendPending(link, Topic);
        journal.Confirm(journal.Epoch, 1, replay: false);

        Assert.Equal(timeout, journal.AckTimeoutMs); // the gateway answered: back to the short wait
        Assert.Equal(new long[] { 1, 2, 1, 2, 1, 2 }, link.PublishedSeqs());
        Assert.Equal(new long[] { 2 }, journal.PendingSeqs());
    }

    [Fact]
    public void CheckAckTimeout_NeverAnswered_WaitsAtMostTheLongestTimeout()
    {
        var journal = Open();
        journal.Append(Door(1));
        var link = new JournalTestLink();
        for (int i = 0; i < 20; i++)
        {
            journal.SendPending(link, Topic);
            link.AckAllTo(journal);
            _clock.Advance(journal.AckTimeoutMs);
            Assert.True(journal.CheckAckTimeout(_clock.UptimeMs));
        }

        Assert.Equal(EventJournal.MaxAckTimeoutMs, journal.AckTimeoutMs);
        Assert.Equal(20, link.Published.Count);
        Assert.Equal(1, journal.Depth);
    }

    [Fact]
    public void ConnectionLost_Unacknowledged_AreReplayedInOrderAfterReconnect()
    {
        var journal = Open();
        for (int i = 1; i <= 4; i++)
        {
            journal.Append(Door(i));
        }

        var link = new JournalTestLink();
        journal.SendPending(link, Topic);
        journal.Acknowledge(link.Published[0].Id);
        journal.Acknowledge(link.Published[2].Id);
        journal.Confirm(journal.Epoch, 1, replay: false);

        journal.ConnectionLost();
        var reconnected = new JournalTestLink();
        journal.SendPending(reconnected, Topic);

        // The broker had 3, but only the gateway's word counts: everything it has not confirmed goes again.
        Assert.Equal(new long[] { 2, 3, 4 }, reconnected.PublishedSeqs());
    }

    [Fact]
    public void SendPending_Disconnected_SendsNothingAndKeepsEvents()
    {
        var journal = Open();
        journal.Append(Door(1));
        var link = new JournalTestLink { IsConnected = false };

        Assert.Equal(0, journal.SendPending(link, Topic));

        Assert.Equal(0, journal.InFlight);
        Assert.Equal(1, journal.Depth);
    }

    [Fact]
    public void SendPending_InFlightWindow_IsRespectedAndRefilledOnAck()
    {
        var journal = Open(maxInFlight: 2);
        for (int i = 1; i <= 5; i++)
        {
            journal.Append(Door(i));
        }

        var link = new JournalTestLink();
        Assert.Equal(2, journal.SendPending(link, Topic));
        journal.Acknowledge(link.Published[0].Id);
        Assert.Equal(1, journal.SendPending(link, Topic));

        Assert.Equal(new long[] { 1, 2, 3 }, link.PublishedSeqs());
    }

    [Fact]
    public void SendPending_AckedInsidePublish_FreesItsSlotAndKeepsTheEvent()
    {
        var journal = Open(maxInFlight: 1);
        journal.Append(Door(1));
        journal.Append(Door(2));
        var link = new JournalTestLink { AckInsidePublish = true };
        link.PublishAcked += id => journal.Acknowledge(id);

        Assert.Equal(2, journal.SendPending(link, Topic));

        Assert.Equal(2, journal.Depth);
        Assert.Equal(0, journal.InFlight);
    }

    [Fact]
    public void Acknowledge_ForeignMessageIdOutsidePublish_IsNotRememberedForLater()
    {
        var journal = Open();
        journal.Acknowledge(1); // a PUBACK for a cmd/result the host also passes on
        journal.Append(Door(1));
        var link = new JournalTestLink();

        journal.SendPending(link, Topic);

        Assert.Equal(1, link.Published[0].Id);
        Assert.Equal(1, journal.Depth);
    }
}
