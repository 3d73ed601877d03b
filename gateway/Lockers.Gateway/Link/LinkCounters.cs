using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Lockers.Gateway.Monitoring;

namespace Lockers.Gateway.Link;

/// <summary>Why an inbound message was dropped without effect. Each has its own counter.</summary>
public enum LinkDropReason
{
    /// <summary>Not a topic of this protocol version (other root, bad locker id, unknown channel).</summary>
    BadTopic,
    /// <summary>Larger than LockerLink:MaxPayloadBytes; not parsed.</summary>
    Oversized,
    /// <summary>The payload failed the protocol's parser.</summary>
    Malformed,
    /// <summary>Not strict UTF-8, or a string field not printable or too long (ADR 0109); raises claim_refused.</summary>
    InvalidText,
    /// <summary>The locker id is not in the registry.</summary>
    UnknownLocker,
    /// <summary>
    /// Handling threw for a reason of its own (not the store being unavailable, which holds every message instead): the
    /// message was not applied and not acknowledged end to end, so a locker sends an event again; see the log.
    /// </summary>
    Failed,
}

/// <summary>
/// What the link did with inbound messages, since start-up: read by tests, /health and the log, and exported
/// as the "lockers.link.*" instruments of the "Lockers.Gateway.Link" meter.
/// </summary>
public sealed class LinkCounters : ILinkTraffic
{
    public const string MeterName = "Lockers.Gateway.Link";

    private readonly ConcurrentDictionary<LinkDropReason, long> _dropped = new();
    private readonly Counter<long> _receivedInstrument;
    private readonly Counter<long> _droppedInstrument;
    private long _received;
    private long _handled;
    private long _duplicates;
    private long _commandsSent;
    private long _retries;
    private long _groups;
    private long _groupedMessages;
    private long _groupsRedone;
    private long _held;
    private long _conflicts;
    private long _acks;
    private long _replayRequests;
    private long _claimsRefused;

    public LinkCounters(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _receivedInstrument = meter.CreateCounter<long>("lockers.link.received", description: "Messages received from lockers");
        _droppedInstrument = meter.CreateCounter<long>("lockers.link.dropped", description: "Messages dropped, by reason");
    }

    public long Received => Interlocked.Read(ref _received);
    public long Handled => Interlocked.Read(ref _handled);
    public long Duplicates => Interlocked.Read(ref _duplicates);
    public long CommandsSent => Interlocked.Read(ref _commandsSent);

    /// <summary>Apply rounds tried again after the store failed (busy, read-only, full, unreachable): the messages wait, none is lost.</summary>
    public long Retries => Interlocked.Read(ref _retries);

    /// <summary>Group commits of more than one message that committed.</summary>
    public long Groups => Interlocked.Read(ref _groups);

    /// <summary>Messages applied in those groups (so GroupedMessages / Groups is the mean group size).</summary>
    public long GroupedMessages => Interlocked.Read(ref _groupedMessages);

    /// <summary>Groups rolled back because one of their messages failed, then applied one message at a time.</summary>
    public long GroupsRedone => Interlocked.Read(ref _groupsRedone);

    /// <summary>Events that arrived beyond a gap in their locker's numbering and wait for it to be replayed.</summary>
    public long Held => Interlocked.Read(ref _held);

    /// <summary>Events that arrived under an identity already applied with other content (alarmed, kept).</summary>
    public long Conflicts => Interlocked.Read(ref _conflicts);

    /// <summary>End-to-end acks published to lockers (replay requests included).</summary>
    public long Acks => Interlocked.Read(ref _acks);

    /// <summary>Acks that asked a locker to send its events again after a gap.</summary>
    public long ReplayRequests => Interlocked.Read(ref _replayRequests);
    /// <summary>Code entries refused because their reader is not one the locker was provisioned with (ADR 0109).</summary>
    public long ClaimsRefused => Interlocked.Read(ref _claimsRefused);

    public void CountClaimRefused() => Interlocked.Increment(ref _claimsRefused);

    public long RefusedClaims => ClaimsRefused + Dropped(LinkDropReason.InvalidText);

    public long Dropped(LinkDropReason reason) => _dropped.TryGetValue(reason, out var count) ? count : 0;

    public long DroppedTotal => _dropped.Values.Sum();

    public void CountReceived()
    {
        Interlocked.Increment(ref _received);
        _receivedInstrument.Add(1);
    }

    public void CountHandled() => Interlocked.Increment(ref _handled);

    public void CountDuplicate() => Interlocked.Increment(ref _duplicates);

    public void CountCommandSent() => Interlocked.Increment(ref _commandsSent);

    public void CountRetry() => Interlocked.Increment(ref _retries);

    public void CountGroup(int messages)
    {
        Interlocked.Increment(ref _groups);
        Interlocked.Add(ref _groupedMessages, messages);
    }

    public void CountGroupRedone() => Interlocked.Increment(ref _groupsRedone);

    public void CountHeld() => Interlocked.Increment(ref _held);

    public void CountConflict() => Interlocked.Increment(ref _conflicts);

    public void CountAck(bool replay)
    {
        Interlocked.Increment(ref _acks);
        if (replay)
        {
            Interlocked.Increment(ref _replayRequests);
        }
    }

    public void CountDropped(LinkDropReason reason)
    {
        _dropped.AddOrUpdate(reason, 1, (_, count) => count + 1);
        _droppedInstrument.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
    }

    /// <summary>One line for logs and the health description.</summary>
    public override string ToString() =>
        $"received={Received} handled={Handled} duplicates={Duplicates} held={Held} conflicts={Conflicts} acks={Acks} " +
        $"replay_requests={ReplayRequests} commands={CommandsSent} retries={Retries} " +
        $"groups={Groups} grouped={GroupedMessages} groups_redone={GroupsRedone} claims_refused={ClaimsRefused} " +
        string.Join(' ', Enum.GetValues<LinkDropReason>().Select(r => $"{r}={Dropped(r)}"));
}
