using Lockers.Core.Commands;
using Lockers.Gateway.Reservations.Rounds;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Link;

/// <summary>
/// Turns a courier round's step into signed commands, inside the caller's unit of work: the unlock of the next door (on
/// whichever controller of the site holds it) and the keyed text for the courier on the controller where the round runs.
/// Published by the caller once the unit committed, like every command.
/// </summary>
public sealed class RoundStepCommands(ILockerCommandSender sender)
{
    public async Task<IReadOnlyList<SignedCommand>> SignAsync(IStoreTransaction tx, RoundStep step)
    {
        var commands = new List<SignedCommand>();
        if (step.Unlock is { } door && await sender.SignAndRecordAsync(tx, LockerCommandRequest.Unlock(door.LockerId, door.Number), step.Actor,
                step.ReservationId) is { } unlock)
        {
            commands.Add(unlock);
        }

        if (await sender.SignAndRecordAsync(tx, LockerCommandRequest.ShowMessageKey(step.LockerId, step.Reader, step.KeyedText), step.Actor,
                step.ReservationId) is { } message)
        {
            commands.Add(message);
        }

        return commands;
    }
}
