using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Reservations.Rounds;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// Answers a code_entered event in one unit of work: the event's (locker, seq) is claimed, the code is checked
/// (<see cref="LockerCodeVerifier"/>: throttle, unlock intent, audit) and the answer is signed and recorded: a
/// signed <c>unlock</c> of the door holding the parcel (possibly another controller of the site, whose answer is passed
/// on to this reader), a <c>show_message_key</c> saying why a right code's door cannot open now, or a <c>deny</c>.
/// The commands are published after the commit. A redelivered event is a duplicate and never counts twice against
/// the keypad's throttle; a crash before the commit changes nothing (the broker redelivers the event); a crash
/// between the commit and the publish loses one answer, and the person types the code again (see ADR 0200).
/// </summary>
public sealed class CodeEntryHandler(
    ILockerStore store, LockerCodeVerifier verifier, CourierRoundService rounds, RoundStepCommands roundCommands, ILockerCommandSender sender,
    ILockerHealthSink health, IOptions<LockerLinkOptions> options, TimeProvider time, ILogger<CodeEntryHandler> logger)
{
    public async Task<LinkOutcome> HandleAsync(Locker locker, LockerEvent entry, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        var age = entry.UnixMs == LockerEvent.NoWallTime ? TimeSpan.Zero : now - DateTimeOffset.FromUnixTimeMilliseconds(entry.UnixMs);
        var tooOld = age > TimeSpan.FromSeconds(options.Value.MaxCodeAgeSeconds);
        var actor = $"{entry.Source}:{entry.Reader}";
        var answer = await store.ExecuteAsync(async tx =>
        {
            if (!await tx.LockerEvents.TryMarkAppliedAsync(locker.Id, entry.Seq, now))
            {
                return Answer.Duplicate;
            }

            if (tooOld)
            {
                await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.CodeTooOld, locker.SiteId,
                    locker.Id, Detail: $"seq={entry.Seq} age_s={(long)age.TotalSeconds} not answered"));
                return Answer.None;
            }

            var source = entry.Source == CodeSources.Qr ? CodeSource.Qr : CodeSource.Keypad;
            // A courier's round answers its own keys (0#, 8#, 9#); a courier's badge or PIN starts one.
            if (source == CodeSource.Keypad && await rounds.HandleKeyAsync(tx, locker, entry.Code) is { } key)
            {
                return new Answer(true, await roundCommands.SignAsync(tx, key), null);
            }

            var check = await verifier.CheckCodeAsync(tx, new CodeCheckRequest(locker.SiteId, locker.Id, entry.Reader, entry.Code, source));
            if (check is { Outcome: CodeCheckOutcome.Courier, Courier: { } courier })
            {
                return new Answer(true, await roundCommands.SignAsync(tx, await rounds.StartAsync(tx, courier, locker, entry.Reader)), null);
            }

            var request = check switch
            {
                // A door on another controller of the site: the person at this reader learns where to go only once that
                // controller has answered (CommandResultRecorder tells this reader), never before the door opened.
                { Outcome: CodeCheckOutcome.Accepted, Compartment: { } door } => LockerCommandRequest.Unlock(door.LockerId, door.Number,
                    replyTo: door.LockerId == locker.Id ? null : new CommandReply(locker.Id, entry.Reader)),
                { Outcome: CodeCheckOutcome.Throttled, RetryAfter: { } wait } => LockerCommandRequest.Deny(locker.Id, entry.Reader, (int)Math.Ceiling(wait.TotalSeconds)),
                { Outcome: CodeCheckOutcome.Unavailable, Compartment: { } door, Unavailable: { } why } => LockerCommandRequest.ShowMessageKey(locker.Id,
                    entry.Reader, ReaderMessages.Unavailable(why, await tx.Registry.GetLockerAsync(door.LockerId) ?? locker, door.Number, locker.Id)),
                _ => LockerCommandRequest.Deny(locker.Id, entry.Reader, 0),
            };
            var commands = new List<SignedCommand>();
            if (await sender.SignAndRecordAsync(tx, request, actor, check.ReservationId) is { } signed)
            {
                commands.Add(signed);
            }

            return new Answer(true, commands, check.Outcome == CodeCheckOutcome.Throttled ? check.RetryAfter : null);
        }, cancellationToken);

        if (!answer.Claimed)
        {
            return LinkOutcome.Duplicate;
        }

        if (tooOld)
        {
            // No answer at all: a late unlock could open a door for whoever stands there now.
            logger.LogWarning("Code entered at {LockerId}/{Reader} {Age} ago (seq {Seq}) not answered: older than {Max} s",
                locker.Id, entry.Reader, age, entry.Seq, options.Value.MaxCodeAgeSeconds);
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

            if (answer.ThrottledFor is { } held)
            {
                // The pin_throttle alarm: someone may be guessing codes at this keypad. The event is committed and
                // answered: a failure here must not fail it (a retry would find it a duplicate and skip its health feed).
                try
                {
                    await health.OnThrottleEngagedAsync(locker.Id, entry.Reader, now + held, now, cancellationToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogError(ex, "Locker health for {LockerId} not told of the throttled keypad {Reader}", locker.Id, entry.Reader);
                }
            }
        });

        return LinkOutcome.Applied;
    }

    /// <summary>What one unit of work decided: whether the event was new, the commands to publish, a throttle hold.</summary>
    private sealed record Answer(bool Claimed, IReadOnlyList<SignedCommand> Commands, TimeSpan? ThrottledFor)
    {
        public static readonly Answer Duplicate = new(false, [], null);
        public static readonly Answer None = new(true, [], null);
    }
}
