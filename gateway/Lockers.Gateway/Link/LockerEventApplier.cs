using Lockers.Core.Protocol;
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
/// Applies one event from a locker, once per (locker, seq): the seq is marked applied in the same unit of work
/// as the event's effect (door events through <see cref="DoorEventService"/>, which does exactly that), so a
/// redelivery changes nothing. Kinds this gateway does not know are recorded and otherwise ignored. A door that opens
/// for a guided parcel move has the move's next door opened (the target, for staff to put the parcel in).
/// </summary>
public sealed class LockerEventApplier(
    ILockerStore store, DoorEventService doors, CodeEntryHandler codes, ILockerCommandSender commands, LiveFeed live,
    IOptions<LockerLinkOptions> options, CourierRoundService rounds, RoundStepCommands roundCommands, TimeProvider time)
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
    /// The door opened: its code (DoorEventService), else a move's step or the gateway's own unlock (who asked is the
    /// command's requester: a staff member's remote open reads as such in the audit trail, not as an unexplained opening).
    /// When the parcel's door opened for a move, the target door is unlocked next, with the staff override.
    /// </summary>
    private async Task<DoorEventOutcome> OpenedAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken)
    {
        var since = time.GetStoreNow().AddSeconds(-options.Value.CommandExpirySeconds);
        var command = await store.ReadAsync(tx => tx.LockerLink.FindLatestUnlockAsync(locker.Id, e.Compartment, since), cancellationToken);
        var opened = await doors.ApplyOpenedAsync(locker.Id, e.Compartment, e.Seq,
            command is null ? null : new DoorUnlockCommand(command.CommandId, command.RequestedBy ?? "gateway"), cancellationToken);
        if (opened.OpenNext is { } target && opened.ReservationId is { } reservationId)
        {
            var next = await store.ExecuteAsync(tx => commands.SignAndRecordAsync(tx,
                LockerCommandRequest.Unlock(target.LockerId, target.Number, staffOverride: true), "gateway", reservationId), cancellationToken);
            await store.AfterCommitAsync(() =>
            {
                if (next is not null)
                {
                    commands.StartPublish(next, cancellationToken);
                }
                return Task.CompletedTask;
            });
        }
        if (opened is { Outcome: DoorEventOutcome.Applied, ReservationId: { } moved } && (opened.OpenNext is not null || command is not null))
        {
            await AnnounceParcelAsync(locker.Id, moved, opened.OpenNext);
        }
        if (opened.Outcome == DoorEventOutcome.Applied)
        {
            // A courier's round waiting on this door: its instruction again, since the locker's own "door N is open" replaced it.
            var instruction = await store.ExecuteAsync(async tx =>
                await rounds.AfterDoorOpenedAsync(tx, new CompartmentRef(locker.Id, e.Compartment)) is { } step
                    ? await roundCommands.SignAsync(tx, step)
                    : [], cancellationToken);
            await PublishAfterCommitAsync(instruction, cancellationToken);
        }
        return opened.Outcome;
    }

    /// <summary>
    /// The door closed: the parcel's step, and when it was a courier's round's parcel, the round's next door, signed in the
    /// same unit of work and published after it committed.
    /// </summary>
    private async Task<DoorEventOutcome> ClosedAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken)
    {
        var (closed, next) = await store.ExecuteAsync(async tx =>
        {
            var closed = await doors.ReportClosedAsync(tx, locker.Id, e.Compartment, e.Seq);
            var step = closed.Reservation is { } reservation ? await rounds.AfterDoorClosedAsync(tx, reservation) : null;
            return (closed, step is null ? [] : await roundCommands.SignAsync(tx, step));
        }, cancellationToken);
        await doors.NotifyAfterCommitAsync();
        await PublishAfterCommitAsync(next, cancellationToken);
        if (closed is { Moved: true, ReservationId: { } reservationId })
        {
            await AnnounceParcelAsync(locker.Id, reservationId, null);
        }
        return closed.Outcome;
    }

    /// <summary>Commands signed in a unit of work go out once it (or its group) committed, never before.</summary>
    private Task PublishAfterCommitAsync(IReadOnlyList<Lockers.Core.Commands.SignedCommand> signed, CancellationToken cancellationToken) =>
        signed.Count == 0
            ? Task.CompletedTask
            : store.AfterCommitAsync(() =>
            {
                foreach (var command in signed)
                {
                    commands.StartPublish(command, cancellationToken);
                }

                return Task.CompletedTask;
            });

    /// <summary>A move went a step further: every page showing one of its doors reloads (after the commit, so it reads the new state).</summary>
    private Task AnnounceParcelAsync(string lockerId, string reservationId, CompartmentRef? openNext) => store.AfterCommitAsync(async () =>
    {
        var reservation = await store.ReadAsync(tx => tx.Reservations.GetAsync(reservationId));
        var lockers = new[] { lockerId, reservation?.Compartment?.LockerId, reservation?.Move?.Target.LockerId, openNext?.LockerId }
            .OfType<string>().Distinct();
        foreach (var id in lockers)
        {
            live.Publish(new LiveUpdate("parcel", id, new
            {
                reservationId, parcelReference = reservation?.ParcelReference, step = reservation?.Move is { } move ? Reservations.ParcelMoves.ToWire(move.Step) : "done",
            }, time.GetStoreNow()));
        }
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
