using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Reservations.Rounds;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Link;

/// <summary>
/// Applies one event from a locker, once per (locker, seq): the seq is marked applied in the same unit of work
/// as the event's effect (door events through <see cref="DoorEventService"/>, which does exactly that), so a
/// redelivery changes nothing. Kinds this gateway does not know are recorded and otherwise ignored.
/// </summary>
public sealed class LockerEventApplier(
    ILockerStore store, DoorEventService doors, CodeEntryHandler codes, CourierRoundService rounds, RoundStepCommands roundCommands,
    ILockerCommandSender sender, TimeProvider time)
{
    public async Task<LinkOutcome> ApplyAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken)
    {
        switch (e.Kind)
        {
            case EventKinds.CodeEntered:
                return await codes.HandleAsync(locker, e, cancellationToken);
            case EventKinds.Door:
                return await ApplyDoorAsync(locker, e, cancellationToken);
            case EventKinds.CommandRefused:
                return await RecordAsync(locker, e, AuditActions.CommandRefused, $"command={e.CommandId} reason={e.Reason}", cancellationToken);
            case EventKinds.Boot:
                return await RecordAsync(locker, e, AuditActions.Boot, $"fw={e.Firmware} boot={e.BootCount}", cancellationToken);
            case EventKinds.Tamper:
                return await RecordAsync(locker, e, AuditActions.Tamper, e.Detail, cancellationToken);
            case EventKinds.JournalOverflow:
                return await RecordAsync(locker, e, AuditActions.JournalOverflow, $"dropped={e.Dropped}", cancellationToken);
            default:
                return await RecordAsync(locker, e, AuditActions.UnknownEvent, $"kind={e.Kind}", cancellationToken);
        }
    }

    private async Task<LinkOutcome> ApplyDoorAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken)
    {
        DoorEventOutcome? outcome = e.DoorState switch
        {
            DoorStates.Opened => await OpenedAsync(locker, e, cancellationToken),
            DoorStates.Jammed => await doors.ReportJammedAsync(locker.Id, e.Compartment, e.Seq, cancellationToken),
            DoorStates.Closed => await ClosedAsync(locker, e, cancellationToken),
            _ => null,
        };
        if (outcome is { } applied)
        {
            return applied switch
            {
                DoorEventOutcome.Applied => LinkOutcome.Applied,
                DoorEventOutcome.Duplicate => LinkOutcome.Duplicate,
                _ => LinkOutcome.NoEffect,
            };
        }

        // forced and left_open: nothing to advance; their alarms come from locker health.
        var forced = e.DoorState == DoorStates.Forced;
        return await RecordAsync(locker, e, forced ? AuditActions.DoorForced : AuditActions.DoorLeftOpen,
            $"compartment={e.Compartment}", cancellationToken, e.Compartment);
    }

    /// <summary>
    /// The door opened (the code is spent, the parcel moves). When a courier's round waits on this door, its instruction is
    /// shown again: the locker's own "door N is open" has just replaced it.
    /// </summary>
    private async Task<DoorEventOutcome> OpenedAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken)
    {
        var outcome = await doors.ConfirmOpenedAsync(locker.Id, e.Compartment, e.Seq, cancellationToken);
        if (outcome == DoorEventOutcome.Applied)
        {
            var commands = await store.ExecuteAsync(async tx =>
                await rounds.AfterDoorOpenedAsync(tx, new CompartmentRef(locker.Id, e.Compartment)) is { } step
                    ? await roundCommands.SignAsync(tx, step)
                    : [], cancellationToken);
            await PublishAfterCommitAsync(commands, cancellationToken);
        }

        return outcome;
    }

    /// <summary>
    /// The door closed: the parcel's step, and when it was a courier's round's parcel, the round's next door, signed in the same
    /// unit of work and published after it committed.
    /// </summary>
    private async Task<DoorEventOutcome> ClosedAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken)
    {
        var (outcome, commands) = await store.ExecuteAsync(async tx =>
        {
            var closed = await doors.ReportClosedAsync(tx, locker.Id, e.Compartment, e.Seq);
            var next = closed.Reservation is { } reservation ? await rounds.AfterDoorClosedAsync(tx, reservation) : null;
            return (closed.Outcome, next is null ? [] : await roundCommands.SignAsync(tx, next));
        }, cancellationToken);
        await doors.NotifyAfterCommitAsync();
        await PublishAfterCommitAsync(commands, cancellationToken);
        return outcome;
    }

    /// <summary>Commands signed in a unit of work go out once it (or its group) committed, never before.</summary>
    private Task PublishAfterCommitAsync(IReadOnlyList<Lockers.Core.Commands.SignedCommand> commands, CancellationToken cancellationToken) =>
        commands.Count == 0
            ? Task.CompletedTask
            : store.AfterCommitAsync(() =>
            {
                foreach (var command in commands)
                {
                    sender.StartPublish(command, cancellationToken);
                }

                return Task.CompletedTask;
            });

    /// <summary>
    /// Marks the seq applied and writes the audit line, atomically. Alarms are not raised here: every alarm is raised
    /// by locker health (fed after the commit) through Monitoring/AlarmLifecycle.
    /// </summary>
    private Task<LinkOutcome> RecordAsync(
        Locker locker, LockerEvent e, string auditAction, string detail, CancellationToken cancellationToken, int? compartment = null) =>
        store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            if (!await tx.LockerEvents.TryMarkAppliedAsync(locker.Id, e.Seq, now))
            {
                return LinkOutcome.Duplicate;
            }

            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{locker.Id}", auditAction, locker.SiteId, locker.Id, compartment,
                Detail: $"seq={e.Seq} {detail}"));
            return LinkOutcome.Applied;
        }, cancellationToken);
}
