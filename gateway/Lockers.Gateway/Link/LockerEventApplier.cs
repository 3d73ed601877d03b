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
/// Applies one event from a locker, once per (locker, epoch, seq): <see cref="EventSequencer"/> claims its identity, then
/// its effect runs (door events through <see cref="DoorEventService"/>, codes through <see cref="CodeEntryHandler"/>, the
/// rest audited). The claim and the effect must commit together, so this runs inside the link's group commit
/// (ADR 0202): a redelivery then changes nothing, and a rollback takes both back. After the commit the locker is owed
/// its ack (<see cref="LockerAcks"/>) and the numbering's alarms go to locker health. Kinds this gateway does not know
/// are recorded and otherwise ignored. A door that opens for a guided parcel move has the move's next door opened (the
/// target, for staff to put the parcel in).
/// </summary>
public sealed class LockerEventApplier(
    ILockerStore store, EventSequencer sequencer, LockerAcks acks, DoorEventService doors, CodeEntryHandler codes, OfflineCodeHandler offlineCodes, ILockerHealthSink health,
    ILockerCommandSender commands, LiveFeed live, LinkCounters counters, IOptions<LockerLinkOptions> options, CourierRoundService rounds,
    RoundStepCommands roundCommands, TimeProvider time, ILogger<LockerEventApplier> logger)
{
    /// <summary>As the link applies it, from the event's JSON as the core writes it (tests).</summary>
    public Task<LinkOutcome> ApplyAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken) =>
        ApplyAsync(locker, e, e.ToJson(), cancellationToken);

    /// <param name="payload">The event exactly as received: its digest tells a resend from a different event under the same identity.</param>
    public async Task<LinkOutcome> ApplyAsync(Locker locker, LockerEvent e, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        var (claim, sealedKey) = await store.ExecuteAsync(async tx =>
            (await sequencer.ClaimAsync(tx, locker, e, payload, time.GetStoreNow()), (await tx.LockerLink.GetCredentialsAsync(locker.Id))?.SealedCommandKey),
            cancellationToken);
        await AfterClaimAsync(locker, e, claim, sealedKey, cancellationToken);
        if (!claim.ShouldApply)
        {
            return claim.Outcome switch
            {
                EventClaimOutcome.Held => LinkOutcome.Held,
                EventClaimOutcome.Conflict => LinkOutcome.Conflict,
                _ => LinkOutcome.Duplicate,
            };
        }

        return e.Kind switch
        {
            EventKinds.CodeEntered => await codes.HandleAsync(locker, e, cancellationToken),
            EventKinds.CodeOffline => await offlineCodes.HandleAsync(locker, e, cancellationToken),
            EventKinds.Door => await ApplyDoorAsync(locker, e, cancellationToken),
            EventKinds.CommandRefused => await RecordAsync(locker, e, AuditActions.CommandRefused, $"command={e.CommandId} reason={e.Reason}", cancellationToken),
            EventKinds.Boot => await ApplyBootAsync(locker, e, cancellationToken),
            EventKinds.Tamper => await RecordAsync(locker, e, AuditActions.Tamper, e.Detail, cancellationToken),
            EventKinds.JournalOverflow => await RecordAsync(locker, e, AuditActions.JournalOverflow, $"dropped={e.Dropped}", cancellationToken),
            EventKinds.StorageFault => await RecordAsync(locker, e, AuditActions.StorageFault, e.Detail, cancellationToken),
            _ => await RecordAsync(locker, e, AuditActions.UnknownEvent, $"kind={e.Kind}", cancellationToken),
        };
    }

    /// <summary>What follows a claim once it is committed: the ack owed, the counters, the numbering's alarms.</summary>
    private async Task AfterClaimAsync(Locker locker, LockerEvent e, EventClaim claim, byte[]? sealedKey, CancellationToken cancellationToken)
    {
        await acks.OweAfterCommitAsync(locker.Id, claim, sealedKey);
        if (claim.Outcome is EventClaimOutcome.Held or EventClaimOutcome.Conflict || claim.Incidents.Count > 0)
        {
            await store.AfterCommitAsync(async () =>
            {
                if (claim.Outcome == EventClaimOutcome.Held)
                {
                    counters.CountHeld();
                    logger.LogWarning("Event seq {Seq} of locker {LockerId} (epoch '{Epoch}') held: applied through {Through}{Replay}",
                        e.Seq, locker.Id, claim.Epoch, claim.AppliedThrough, claim.AskReplay ? "; replay requested" : "");
                }
                else if (claim.Outcome == EventClaimOutcome.Conflict)
                {
                    counters.CountConflict();
                }

                foreach (var incident in claim.Incidents)
                {
                    logger.LogWarning("Locker {LockerId}: {Kind}: {Detail}", locker.Id, incident.Kind, incident.Detail);
                    try
                    {
                        await health.OnIncidentAsync(locker.Id, incident.Kind, incident.Detail, time.GetStoreNow(), cancellationToken);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException)
                    {
                        // Committed and audited already: the alarm is a view of it and must not fail the event.
                        logger.LogError(ex, "Alarm {Kind} for locker {LockerId} not raised", incident.Kind, locker.Id);
                    }
                }
            });
        }
    }

    /// <summary>The locker started: audited, and the doors it found open become every door's state (when it said: ADR 0310).</summary>
    private async Task<LinkOutcome> ApplyBootAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken)
    {
        if (e.OpenDoors is { } open)
        {
            await doors.ReportDoorsAtBootAsync(locker, open, e.Seq, cancellationToken);
        }
        var opened = e.OpenDoors is null ? "" : e.OpenDoors.Length == 0 ? " open=none" : $" open={string.Join(',', e.OpenDoors)}";
        return await RecordAsync(locker, e, AuditActions.Boot, $"fw={e.Firmware} boot={e.BootCount}{opened}", cancellationToken);
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
            return applied == DoorEventOutcome.Applied ? LinkOutcome.Applied : LinkOutcome.NoEffect;
        }

        // forced and left_open: nothing to advance; their alarms come from locker health.
        await doors.ReportOpenTooLongOrForcedAsync(locker.Id, e.Compartment, e.DoorState, e.Seq, cancellationToken);
        return LinkOutcome.Applied;
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
        var (closed, next, tripped) = await store.ExecuteAsync(async tx =>
        {
            var closed = await doors.ReportClosedAsync(tx, locker.Id, e.Compartment, e.Seq);
            var step = closed.Reservation is { } reservation ? await rounds.AfterDoorClosedAsync(tx, reservation) : null;
            return (closed, step is null ? [] : await roundCommands.SignAsync(tx, step), step?.HoldTripped == true);
        }, cancellationToken);
        await doors.NotifyAfterCommitAsync();
        await PublishAfterCommitAsync(next, cancellationToken);
        if (tripped)
        {
            // The round's next door ran over the unlock ceiling and held the site or fleet: unlock_anomaly, as for a code.
            await store.AfterCommitAsync(() => TellHoldsChangedAsync(locker.Id, cancellationToken));
        }
        if (closed is { Moved: true, ReservationId: { } reservationId })
        {
            await AnnounceParcelAsync(locker.Id, reservationId, null);
        }
        return closed.Outcome;
    }

    /// <summary>Locker health re-reads the holds; its failure must not fail the event, which is committed already.</summary>
    private async Task TellHoldsChangedAsync(string lockerId, CancellationToken cancellationToken)
    {
        try
        {
            await health.OnHoldsChangedAsync(lockerId, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Locker health for {LockerId} not told of the hold a courier round's door made", lockerId);
        }
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
    /// Writes the audit line of an event that only informs. Alarms are not raised here: every alarm is raised by locker
    /// health (fed after the commit) through Monitoring/AlarmLifecycle.
    /// </summary>
    private Task<LinkOutcome> RecordAsync(
        Locker locker, LockerEvent e, string auditAction, string detail, CancellationToken cancellationToken) =>
        store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{locker.Id}", auditAction, locker.SiteId, locker.Id, null,
                Detail: $"seq={e.Seq} {detail}"));
            return LinkOutcome.Applied;
        }, cancellationToken);
}
