using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Reservations.Rounds;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// Answers a code_entered event whose identity the link has claimed (<see cref="EventSequencer"/>, same unit of work),
/// only while the person who entered it is still at the locker: the entry's answer window (answer_ms from its wall time,
/// less <see cref="AnswerMargin"/> for the trip back) and at most LockerLink:MaxCodeAgeSeconds; past it the entry is
/// audited and gets nothing. The commands name the entry (the locker runs them only while it waits) and expire with its
/// window. The reader must be one the locker was provisioned with, of the entry's kind (ADR 0109: a locker's word about
/// its readers is checked, not trusted). A courier's round answers its own keys (0#, 8#, 9#). Otherwise the code is
/// checked (<see cref="LockerCodeVerifier"/>: unlock holds, guessing budgets, unlock intent, audit; a courier's badge or
/// PIN starts a round) and the answer is signed and recorded: a signed <c>unlock</c> of the door holding the parcel
/// (possibly another controller of the site, whose answer is passed on to this reader), a <c>show_message_key</c> saying
/// why a right code's door cannot open now or that unlocks are held, the round's door and instruction, or a <c>deny</c>.
/// The commands are published after the commit. A redelivered event is a duplicate and never reaches here, so it never
/// counts twice against the budgets; a crash before the commit changes nothing (the broker redelivers the event, the
/// locker resends it); a crash between the commit and the publish loses one answer, and the person types the code again
/// (see ADR 0200).
/// </summary>
public sealed class CodeEntryHandler(
    ILockerStore store, LockerCodeVerifier verifier, CourierRoundService rounds, RoundStepCommands roundCommands, ILockerCommandSender sender,
    ILockerHealthSink health, LinkCounters counters, IOptions<LockerLinkOptions> options, TimeProvider time, ILogger<CodeEntryHandler> logger)
{
    /// <summary>An answer sent later than this before the end of the entry's window would arrive after the person left.</summary>
    public static readonly TimeSpan AnswerMargin = TimeSpan.FromSeconds(1);

    public async Task<LinkOutcome> HandleAsync(Locker locker, LockerEvent entry, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        var enteredAt = entry.UnixMs == LockerEvent.NoWallTime ? (DateTimeOffset?)null : DateTimeOffset.FromUnixTimeMilliseconds(entry.UnixMs);
        var age = enteredAt is { } at ? now - at : TimeSpan.Zero;
        // Without the locker's wall time there is no deadline to hold it to; the locker's own window still holds.
        DateTimeOffset? deadline = enteredAt is { } start && entry.AnswerMs > 0 ? start.AddMilliseconds(entry.AnswerMs) : null;
        var tooOld = age > TimeSpan.FromSeconds(options.Value.MaxCodeAgeSeconds);
        var tooLate = !tooOld && deadline is { } end && now > end - AnswerMargin;
        var actor = $"{entry.Source}:{entry.Reader}";
        var answer = await store.ExecuteAsync(async tx =>
        {
            if (tooOld || tooLate)
            {
                await tx.Audit.AppendAsync(new AuditEntry(now, actor, tooOld ? AuditActions.CodeTooOld : AuditActions.CodeTooLate, locker.SiteId,
                    locker.Id, Detail: $"seq={entry.Seq} entry={entry.Entry} age_ms={(long)age.TotalMilliseconds} answer_ms={entry.AnswerMs} not answered"));
                return Answer.None;
            }

            var source = entry.Source == CodeSources.Qr ? CodeSource.Qr : CodeSource.Keypad;
            if (await RefuseReaderAsync(tx, locker, entry, source) is { } refused)
            {
                await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.CodeReaderRefused, locker.SiteId, locker.Id,
                    Detail: $"seq={entry.Seq} {refused}; not checked, not answered"));
                return Answer.None with { Refused = refused };
            }

            // A courier's round answers its own keys (0#, 8#, 9#); a courier's badge or PIN starts one. Its commands answer
            // the entry like any other (RoundStepCommands).
            if (source == CodeSource.Keypad && await rounds.HandleKeyAsync(tx, locker, entry.Code) is { } key)
            {
                return new Answer(await roundCommands.SignAsync(tx, key, entry.Entry, deadline), key.HoldTripped, null);
            }

            var check = await verifier.CheckCodeAsync(tx, new CodeCheckRequest(locker.SiteId, locker.Id, entry.Reader, entry.Code, source));
            if (check is { Outcome: CodeCheckOutcome.Courier, Courier: { } courier })
            {
                var first = await rounds.StartAsync(tx, courier, locker, entry.Reader);
                return new Answer(await roundCommands.SignAsync(tx, first, entry.Entry, deadline), first.HoldTripped, null);
            }

            var request = check switch
            {
                // A door on another controller of the site: the person at this reader learns where to go only once that
                // controller has answered (CommandResultRecorder tells this reader), never before the door opened.
                { Outcome: CodeCheckOutcome.Accepted, Compartment: { } door } => LockerCommandRequest.Unlock(door.LockerId, door.Number,
                    replyTo: door.LockerId == locker.Id ? null : new CommandReply(locker.Id, entry.Reader, entry.Entry, deadline)),
                { Outcome: CodeCheckOutcome.Throttled, RetryAfter: { } wait } => LockerCommandRequest.Deny(locker.Id, entry.Reader, (int)Math.Ceiling(wait.TotalSeconds)),
                { Outcome: CodeCheckOutcome.Unavailable, Compartment: { } door, Unavailable: { } why } => LockerCommandRequest.ShowMessageKey(locker.Id,
                    entry.Reader, ReaderMessages.Unavailable(why, await tx.Registry.GetLockerAsync(door.LockerId) ?? locker, door.Number, locker.Id)),
                // Not "code not accepted": the code was not checked, and the person should come back, not try others.
                { Outcome: CodeCheckOutcome.Held } => LockerCommandRequest.ShowMessageKey(locker.Id, entry.Reader, ReaderMessages.UnlocksHeld),
                _ => LockerCommandRequest.Deny(locker.Id, entry.Reader, 0),
            };
            // Only the controller that saw the entry can check it; another controller's unlock is bounded by its expiry.
            request = request.Answering(request.LockerId == locker.Id ? entry.Entry : 0, deadline);
            var commands = new List<SignedCommand>();
            if (await sender.SignAndRecordAsync(tx, request, actor, check.ReservationId) is { } signed)
            {
                commands.Add(signed);
            }

            return new Answer(commands, check.ChangesHolds, null);
        }, cancellationToken);

        if (tooOld || tooLate)
        {
            // No answer at all: a late unlock could open a door for whoever stands there now.
            logger.LogWarning("Code entered at {LockerId}/{Reader} {Age} ago (seq {Seq}, entry {Entry}) not answered: past its answer window of {AnswerMs} ms or older than {Max} s",
                locker.Id, entry.Reader, age, entry.Seq, entry.Entry, entry.AnswerMs, options.Value.MaxCodeAgeSeconds);
            return LinkOutcome.NoEffect;
        }

        // Only after the commit (of the group, when the link groups messages): every command a locker can receive
        // is on record, and none is signed twice.
        await store.AfterCommitAsync(async () =>
        {
            foreach (var command in answer.Commands)
            {
                sender.StartPublish(command, cancellationToken);
            }

            // Health is told after the event is committed and answered: its failure must not fail the event (a retry would
            // find it a duplicate and skip its health feed).
            if (answer.Refused is { } refused)
            {
                counters.CountClaimRefused();
                logger.LogWarning("Code entry at {LockerId} (seq {Seq}) refused: {Refusal}", locker.Id, entry.Seq, refused);
                await TellHealthAsync(locker.Id, () => health.OnClaimRefusedAsync(locker.Id, AlarmDetails.English("AlarmDetail.CodeEntryRefused", refused), now, cancellationToken));
            }
            else if (answer.HoldsChanged)
            {
                // pin_throttle, guessing_budget, unlock_anomaly: someone may be guessing codes, or unlocks ran over a ceiling.
                await TellHealthAsync(locker.Id, () => health.OnHoldsChangedAsync(locker.Id, cancellationToken));
            }
        });

        return answer.Refused is null ? LinkOutcome.Applied : LinkOutcome.NoEffect;
    }

    /// <summary>Null when the reader is one the locker was provisioned with, of the entry's kind; otherwise why not.</summary>
    private static async Task<string?> RefuseReaderAsync(IStoreTransaction tx, Locker locker, LockerEvent entry, CodeSource source)
    {
        var readers = await tx.LockerLink.ListReadersAsync(locker.Id);
        var kind = source == CodeSource.Qr ? ReaderKind.Scanner : ReaderKind.Keypad;
        if (readers.Any(reader => reader.ReaderId == entry.Reader && reader.Kind == kind))
        {
            return null;
        }
        var known = readers.Count == 0
            ? AlarmDetails.English("AlarmPart.NoReaders")
            : string.Join(", ", readers.Select(reader =>
                AlarmDetails.English(reader.Kind == ReaderKind.Keypad ? "AlarmPart.KeypadReader" : "AlarmPart.ScannerReader", reader.ReaderId)));
        return AlarmDetails.English("AlarmPart.ReaderNotProvisioned", entry.Reader, entry.Source,
            AlarmDetails.English(kind == ReaderKind.Keypad ? "AlarmPart.Keypad" : "AlarmPart.Scanner"), locker.Id, known);
    }

    private async Task TellHealthAsync(string lockerId, Func<Task> tell)
    {
        try
        {
            await tell();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Locker health for {LockerId} not told of a code entry's holds or refusal", lockerId);
        }
    }

    /// <summary>What one unit of work decided: the commands to publish, holds set, a refused claim.</summary>
    private sealed record Answer(IReadOnlyList<SignedCommand> Commands, bool HoldsChanged, string? Refused)
    {
        public static readonly Answer None = new([], false, null);
    }
}
