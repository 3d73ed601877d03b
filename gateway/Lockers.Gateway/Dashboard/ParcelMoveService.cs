using Lockers.Core.Board;
using Lockers.Gateway.Link;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// A guided parcel move (ADR 0305), for staff clearing a jammed or broken compartment: <see cref="StartAsync"/> holds the
/// target and opens the parcel's door; when it opens the locker link opens the target door; when that closes on the
/// parcel, the recipient's codes follow it and the carrier gets a parcel_moved webhook (lifecycle: move_requested,
/// move_source_opened, move_target_opened, moved). Until the target door opens, <see cref="CancelAsync"/> gives the move
/// up; <see cref="OpenAgainAsync"/> sends the door the move waits on another unlock (a lost command, a jam).
/// </summary>
public sealed class ParcelMoveService(ILockerStore store, ReservationLifecycle lifecycle, ILockerCommandSender commands, LiveFeed live, TimeProvider time)
{
    /// <summary><paramref name="texts"/>: the language of a refusal (English when not given).</summary>
    public async Task<MaintenanceOutcome> StartAsync(
        CompartmentRef from, CompartmentRef to, string staffUser, CancellationToken cancellationToken = default, PageTexts? texts = null)
    {
        texts ??= DashboardTexts.English;
        MaintenanceOutcome outcome;
        try
        {
            outcome = await store.ExecuteAsync(async tx =>
            {
                var reservation = await tx.Reservations.FindHoldingAsync(from);
                if (reservation is null || reservation.Status is not (ReservationStatus.ReadyForPickup or ReservationStatus.Expired))
                {
                    return MaintenanceOutcome.Conflict(texts.Text("Problem.NoParcel", from));
                }
                var target = await tx.Registry.GetCompartmentAsync(to);
                var targetLocker = target is null ? null : await tx.Registry.GetLockerAsync(to.LockerId);
                if (target is null || targetLocker?.SiteId != reservation.SiteId || to == from)
                {
                    return MaintenanceOutcome.NotFound(texts.Text("Problem.NoOtherCompartment", to));
                }
                if (!target.InService || target.Size < reservation.Size)
                {
                    return MaintenanceOutcome.Conflict(texts.Text("Problem.TargetUnfit", to, CompartmentSizes.ToName(reservation.Size)));
                }
                var started = await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.MoveRequested, new TransitionInput($"staff:{staffUser}", Compartment: to));
                return started.Applied ? MaintenanceOutcome.Ok(started.Reservation) : MaintenanceOutcome.Conflict(started.Refusal!);
            }, cancellationToken);
        }
        catch (CompartmentTakenException)
        {
            return MaintenanceOutcome.Conflict(texts.Text("Problem.TargetTaken", to));
        }
        if (!outcome.Done)
        {
            return outcome;
        }
        var moving = (Reservation)outcome.Data!;
        var sent = await OpenWaitingDoorAsync(moving, staffUser, cancellationToken);
        return MaintenanceOutcome.Ok(View(moving, sent));
    }

    /// <summary>Sends the door the move waits on (the parcel's, then the target) another unlock.</summary>
    public async Task<MaintenanceOutcome> OpenAgainAsync(
        CompartmentRef from, string staffUser, CancellationToken cancellationToken = default, PageTexts? texts = null)
    {
        texts ??= DashboardTexts.English;
        var moving = await store.ReadAsync(tx => tx.Reservations.FindHoldingAsync(from), cancellationToken);
        if (moving?.Move is not { Step: not MoveStep.TargetOpened })
        {
            return MaintenanceOutcome.Conflict(moving?.Move is null
                ? texts.Text("Problem.NoMove", from)
                : texts["Problem.TargetOpen"]);
        }
        return MaintenanceOutcome.Ok(View(moving, await OpenWaitingDoorAsync(moving, staffUser, cancellationToken)));
    }

    public async Task<MaintenanceOutcome> CancelAsync(
        CompartmentRef from, string staffUser, CancellationToken cancellationToken = default, PageTexts? texts = null)
    {
        texts ??= DashboardTexts.English;
        var outcome = await store.ExecuteAsync(async tx =>
        {
            var moving = await tx.Reservations.FindHoldingAsync(from);
            if (moving?.Move is null)
            {
                return MaintenanceOutcome.Conflict(texts.Text("Problem.NoMove", from));
            }
            var cancelled = await lifecycle.ApplyAsync(tx, moving, ReservationEvent.MoveCancelled, new TransitionInput($"staff:{staffUser}"));
            return cancelled.Applied
                ? MaintenanceOutcome.Ok(new { reservationId = moving.Id, parcelReference = moving.ParcelReference, cancelled = true, stays = from.ToString() })
                : MaintenanceOutcome.Conflict(cancelled.Refusal!);
        }, cancellationToken);
        if (outcome.Done)
        {
            Announce(from.LockerId, "cancelled");
        }
        return outcome;
    }

    private async Task<CommandSendResult> OpenWaitingDoorAsync(Reservation moving, string staffUser, CancellationToken cancellationToken)
    {
        var door = ParcelMoves.WaitingDoor(moving);
        var sent = await commands.SendAsync(LockerCommandRequest.Unlock(door.LockerId, door.Number, staffOverride: true), $"staff:{staffUser}",
            moving.Id, cancellationToken);
        Announce(moving.Compartment!.Value.LockerId, ParcelMoves.ToWire(moving.Move!.Step));
        if (moving.Move.Target.LockerId != moving.Compartment.Value.LockerId)
        {
            Announce(moving.Move.Target.LockerId, ParcelMoves.ToWire(moving.Move.Step));
        }
        return sent;
    }

    private void Announce(string lockerId, string step) =>
        live.Publish(new LiveUpdate("parcel", lockerId, new { step }, time.GetStoreNow()));

    /// <summary>What the page shows: the door being opened and whether the command reached the broker.</summary>
    private static object View(Reservation moving, CommandSendResult sent) => new
    {
        reservationId = moving.Id,
        parcelReference = moving.ParcelReference,
        from = moving.Compartment.ToString(),
        to = moving.Move!.Target.ToString(),
        step = ParcelMoves.ToWire(moving.Move.Step),
        opening = ParcelMoves.WaitingDoor(moving).ToString(),
        commandId = sent.CommandId,
        status = sent.Status == CommandSendStatus.Sent ? "sent" : "failed",
        reason = sent.Reason,
    };
}
