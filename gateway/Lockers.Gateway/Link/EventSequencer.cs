using System.Security.Cryptography;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// The one owner of a locker's event numbering (ADR 0207): decides, inside the unit of work that applies the event,
/// whether (locker, epoch, seq) is the next of its numbering (apply), was applied before with the same payload
/// (duplicate) or with another (conflict: kept and alarmed, never silently dropped), or lies beyond a gap (held: the
/// locker still has it, and is asked for a replay). A gap that replays cannot fill is declared lost after
/// LockerLink:GapTimeoutSeconds and two requests; a locker whose firmware cannot replay (no epoch field) has its gaps
/// declared lost at once. A new epoch for a locker that had one (its counter was reset) raises sequence_reset.
/// Must run in the same unit of work as the event's effect; the link applies every message inside a group commit.
/// </summary>
public sealed class EventSequencer(IOptions<LockerLinkOptions> options)
{
    /// <summary>Replay requests made for a gap before it may be declared lost.</summary>
    public const int ReplayRequestsBeforeLoss = 2;

    public async Task<EventClaim> ClaimAsync(IStoreTransaction tx, Locker locker, LockerEvent e, ReadOnlyMemory<byte> payload, DateTimeOffset now)
    {
        var epoch = e.Epoch ?? Epochs.Legacy;
        var digest = SHA256.HashData(payload.Span);
        var links = tx.LockerLink;
        if (await links.TryAdvanceSequenceAsync(locker.Id, epoch, e.Seq, now))
        {
            await links.InsertAppliedEventAsync(locker.Id, epoch, e.Seq, digest, now);
            return Claim(EventClaimOutcome.Apply, epoch, e.Seq);
        }

        var incidents = new List<SequenceIncident>();
        var sequence = await links.GetSequenceAsync(locker.Id, epoch) ?? await StartAsync(tx, locker, epoch, now, incidents);
        if (e.Seq <= sequence.AppliedThrough)
        {
            return await AlreadyPastAsync(tx, locker, e, epoch, digest, sequence, now, incidents);
        }

        var next = sequence.AppliedThrough + 1;
        var highest = Math.Max(sequence.HighestSeen, e.Seq);
        if (e.Seq == next)
        {
            await ApplyAsync(tx, locker.Id, epoch, e.Seq, digest, sequence with { HighestSeen = highest }, now);
            return Claim(EventClaimOutcome.Apply, epoch, e.Seq, incidents: incidents);
        }

        // A gap: next .. e.Seq - 1 have not arrived.
        var gapSince = sequence.GapSince ?? now;
        var settings = options.Value;
        var strict = e.Epoch is not null;
        if (!strict || (now - gapSince >= TimeSpan.FromSeconds(settings.GapTimeoutSeconds) && sequence.ReplayRequests >= ReplayRequestsBeforeLoss))
        {
            var why = strict
                ? AlarmDetails.English("AlarmPart.NotReplayed", settings.GapTimeoutSeconds, sequence.ReplayRequests)
                : AlarmDetails.English("AlarmPart.CannotReplay");
            await DeclareLostAsync(tx, locker, epoch, next, e.Seq - 1, why, now, incidents);
            await ApplyAsync(tx, locker.Id, epoch, e.Seq, digest, sequence with { HighestSeen = highest }, now);
            return Claim(EventClaimOutcome.Apply, epoch, e.Seq, incidents: incidents);
        }

        var askReplay = sequence.LastReplayAt is not { } last || now - last >= TimeSpan.FromSeconds(settings.ReplayIntervalSeconds);
        await links.SaveSequenceAsync(sequence with
        {
            HighestSeen = highest,
            GapSince = gapSince,
            ReplayRequests = sequence.ReplayRequests + (askReplay ? 1 : 0),
            LastReplayAt = askReplay ? now : sequence.LastReplayAt,
        }, now);
        return Claim(EventClaimOutcome.Held, epoch, sequence.AppliedThrough, askReplay, incidents);
    }

    /// <summary>The first event of a numbering: a new locker, or one whose counter started over (a new epoch).</summary>
    private static async Task<EventSequence> StartAsync(IStoreTransaction tx, Locker locker, string epoch, DateTimeOffset now, List<SequenceIncident> incidents)
    {
        if (await tx.LockerLink.GetLatestEpochAsync(locker.Id) is { } previous)
        {
            var before = await tx.LockerLink.GetSequenceAsync(locker.Id, previous);
            var detail = AlarmDetails.English("AlarmDetail.SequenceReset", epoch, previous, before?.AppliedThrough ?? 0);
            await AuditAsync(tx, locker, AuditActions.SequenceReset, detail, now);
            incidents.Add(new SequenceIncident(AlarmKinds.SequenceReset, detail));
        }

        var sequence = new EventSequence(locker.Id, epoch, 0, 0, null, 0, null, now);
        await tx.LockerLink.SaveSequenceAsync(sequence, now);
        return sequence;
    }

    private static async Task<EventClaim> AlreadyPastAsync(
        IStoreTransaction tx, Locker locker, LockerEvent e, string epoch, byte[] digest, EventSequence sequence, DateTimeOffset now,
        List<SequenceIncident> incidents)
    {
        var applied = await tx.LockerLink.GetAppliedEventAsync(locker.Id, epoch, e.Seq);
        if (applied is null)
        {
            // Declared lost earlier, yet here it is: what the locker saw is applied, late rather than never.
            await tx.LockerLink.InsertAppliedEventAsync(locker.Id, epoch, e.Seq, digest, now);
            await AuditAsync(tx, locker, AuditActions.EventApplyLate, $"epoch={epoch} seq={e.Seq} kind={e.Kind} arrived after it was declared lost", now);
            return Claim(EventClaimOutcome.Apply, epoch, sequence.AppliedThrough, incidents: incidents);
        }

        if (applied.Digest is null || applied.Digest.AsSpan().SequenceEqual(digest))
        {
            return Claim(EventClaimOutcome.Duplicate, epoch, sequence.AppliedThrough, incidents: incidents);
        }

        // The same identity with other content: someone else published under the locker's credentials at its seq (or
        // the locker's numbering broke without a new epoch). Which of the two is genuine cannot be told here.
        await tx.LockerLink.InsertConflictAsync(new EventConflict(0, locker.Id, epoch, e.Seq, now, applied.Digest, digest, Redacted(e)));
        var detail = AlarmDetails.English("AlarmDetail.EventConflict", e.Seq, epoch);
        await AuditAsync(tx, locker, AuditActions.EventConflict, $"epoch={epoch} seq={e.Seq} kind={e.Kind}", now);
        incidents.Add(new SequenceIncident(AlarmKinds.EventConflict, detail));
        return Claim(EventClaimOutcome.Conflict, epoch, sequence.AppliedThrough, incidents: incidents);
    }

    private static async Task ApplyAsync(
        IStoreTransaction tx, string lockerId, string epoch, long seq, byte[] digest, EventSequence sequence, DateTimeOffset now)
    {
        var closed = seq >= sequence.HighestSeen;
        await tx.LockerLink.SaveSequenceAsync(sequence with
        {
            AppliedThrough = seq,
            GapSince = closed ? null : sequence.GapSince ?? now,
            ReplayRequests = closed ? 0 : sequence.ReplayRequests,
        }, now);
        await tx.LockerLink.InsertAppliedEventAsync(lockerId, epoch, seq, digest, now);
    }

    private static async Task DeclareLostAsync(
        IStoreTransaction tx, Locker locker, string epoch, long from, long to, string why, DateTimeOffset now, List<SequenceIncident> incidents)
    {
        var detail = from == to
            ? AlarmDetails.English("AlarmDetail.EventLost", from, epoch, why)
            : AlarmDetails.English("AlarmDetail.EventsLost", from, to, epoch, why);
        await AuditAsync(tx, locker, AuditActions.EventsLost, $"epoch={epoch} from={from} to={to}: {why}", now);
        incidents.Add(new SequenceIncident(AlarmKinds.EventsLost, detail));
    }

    private static Task AuditAsync(IStoreTransaction tx, Locker locker, string action, string detail, DateTimeOffset now) =>
        tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{locker.Id}", action, locker.SiteId, locker.Id, Detail: detail));

    /// <summary>The event as JSON with its code replaced: a conflicting code_entered may carry a real PIN.</summary>
    private static string Redacted(LockerEvent e)
    {
        var copy = LockerEvent.Parse(e.ToJson());
        if (copy.Code.Length > 0)
        {
            copy.Code = "[redacted]";
        }

        return System.Text.Encoding.UTF8.GetString(copy.ToJson());
    }

    private static EventClaim Claim(
        EventClaimOutcome outcome, string epoch, long through, bool askReplay = false, IReadOnlyList<SequenceIncident>? incidents = null) =>
        new(outcome, epoch, through, askReplay, incidents ?? []);
}
