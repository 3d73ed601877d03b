using Lockers.Core.Commands;
using Lockers.Gateway.Reservations.Rounds;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Link;

/// <summary>
/// Turns a courier round's step into signed commands, inside the caller's unit of work: the unlock of the next door (on
/// whichever controller of the site holds it) and the keyed text for the courier on the controller where the round runs.
/// Published by the caller once the unit committed, like every command. A step that answers a code entry (the courier's
/// badge, PIN or key) names it, as every answer does (ADR 0018): the locker runs the entry's answer only while the entry
/// waits, and only once, so exactly one command names it (the unlock when it is on the round's own controller, else the
/// text); both expire with the entry's window. A step after a door closed answers no entry (0) and has no deadline. The text
/// of a live round's step rests on the display for the step's <see cref="RoundStep.RestSeconds"/> (sent as retry_after_s,
/// ADR 0311); a round's last text has none, so the display goes idle after it.
/// </summary>
public sealed class RoundStepCommands(ILockerCommandSender sender)
{
    public async Task<IReadOnlyList<SignedCommand>> SignAsync(IStoreTransaction tx, RoundStep step, long entry = 0, DateTimeOffset? notAfter = null)
    {
        var commands = new List<SignedCommand>();
        var unlockAnswers = step.Unlock is { } own && own.LockerId == step.LockerId;
        if (step.Unlock is { } door && await sender.SignAndRecordAsync(tx,
                LockerCommandRequest.Unlock(door.LockerId, door.Number).Answering(unlockAnswers ? entry : 0, notAfter), step.Actor,
                step.ReservationId) is { } unlock)
        {
            commands.Add(unlock);
        }

        if (await sender.SignAndRecordAsync(tx, LockerCommandRequest.ShowMessageKey(step.LockerId, step.Reader, step.KeyedText, step.RestSeconds)
                .Answering(unlockAnswers ? 0 : entry, notAfter), step.Actor, step.ReservationId) is { } message)
        {
            commands.Add(message);
        }

        return commands;
    }
}
