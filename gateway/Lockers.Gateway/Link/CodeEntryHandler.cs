using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// Answers a code_entered event: the event's (locker, seq) is claimed first, in its own unit of work, then the
/// code is checked (<see cref="LockerCodeVerifier"/>, its own unit of work) and answered with a signed
/// <c>unlock</c> of the door holding the parcel (possibly another controller of the site) or a <c>deny</c>.
/// Claiming first means a redelivered event never counts twice against the keypad's throttle; a crash between
/// the claim and the command loses one answer, and the person types the code again (see ADR 0200).
/// </summary>
public sealed class CodeEntryHandler(
    ILockerStore store, LockerCodeVerifier verifier, LockerCommandSender sender, ILockerHealthSink health,
    IOptions<LockerLinkOptions> options, TimeProvider time, ILogger<CodeEntryHandler> logger)
{
    public async Task<LinkOutcome> HandleAsync(Locker locker, LockerEvent entry, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var age = entry.UnixMs == LockerEvent.NoWallTime ? TimeSpan.Zero : now - DateTimeOffset.FromUnixTimeMilliseconds(entry.UnixMs);
        var tooOld = age > TimeSpan.FromSeconds(options.Value.MaxCodeAgeSeconds);
        var claimed = await store.ExecuteAsync(async tx =>
        {
            if (!await tx.LockerEvents.TryMarkAppliedAsync(locker.Id, entry.Seq, now))
            {
                return false;
            }

            if (tooOld)
            {
                await tx.Audit.AppendAsync(new AuditEntry(now, $"{entry.Source}:{entry.Reader}", LinkAuditActions.CodeTooOld, locker.SiteId,
                    locker.Id, Detail: $"seq={entry.Seq} age_s={(long)age.TotalSeconds} not answered"));
            }

            return true;
        }, cancellationToken);
        if (!claimed)
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

        var source = entry.Source == CodeSources.Qr ? CodeSource.Qr : CodeSource.Keypad;
        var check = await verifier.CheckCodeAsync(new CodeCheckRequest(locker.SiteId, locker.Id, entry.Reader, entry.Code, source), cancellationToken);
        var actor = $"{entry.Source}:{entry.Reader}";
        var command = check switch
        {
            { Outcome: CodeCheckOutcome.Accepted, Compartment: { } door } => LockerCommandRequest.Unlock(door.LockerId, door.Number),
            { Outcome: CodeCheckOutcome.Throttled, RetryAfter: { } wait } => LockerCommandRequest.Deny(locker.Id, entry.Reader, (int)Math.Ceiling(wait.TotalSeconds)),
            _ => LockerCommandRequest.Deny(locker.Id, entry.Reader, 0),
        };
        await sender.SendAsync(command, actor, check.ReservationId, cancellationToken);
        if (command.Action == CommandActions.Unlock && command.LockerId != locker.Id)
        {
            // The door is on another controller of the site: the person at this reader must learn where to go,
            // and this controller, still showing "Checking code...", needs an answer.
            await sender.SendAsync(LockerCommandRequest.ShowMessage(locker.Id, entry.Reader, DoorElsewhereText(command.LockerId, command.Compartment)),
                actor, check.ReservationId, cancellationToken);
        }

        if (check is { Outcome: CodeCheckOutcome.Throttled, RetryAfter: { } held })
        {
            // The pin_throttle alarm: someone may be guessing codes at this keypad.
            await health.OnThrottleEngagedAsync(locker.Id, entry.Reader, now + held, now, cancellationToken);
        }

        return LinkOutcome.Applied;
    }

    /// <summary>What the entering controller shows when the unlocked door is on another controller of the site.</summary>
    public static string DoorElsewhereText(string lockerId, int compartment) => $"Door {compartment} of {lockerId} is open";
}
