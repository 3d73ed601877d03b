using Lockers.Gateway.Audit;
using Lockers.Gateway.Expiry;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// Records that staff moved a parcel out of a jammed (or otherwise broken) compartment into another one of the
/// same site. The recipient's codes stay valid (they name the parcel, not the door); the carrier is told
/// through a <see cref="ParcelMovedEvent"/> webhook so it can re-notify the recipient.
/// </summary>
public sealed class ParcelMoveService(
    ILockerStore store, WebhookEnqueuer webhooks, WebhookSignal signal, PickupWindowPauses pauses, LiveFeed live, TimeProvider time)
{
    public const string ParcelMovedEvent = WebhookEvents.ParcelMoved;

    public async Task<MaintenanceOutcome> MoveAsync(CompartmentRef from, CompartmentRef to, string staffUser, CancellationToken cancellationToken = default)
    {
        MaintenanceOutcome outcome;
        try
        {
            outcome = await MoveInStoreAsync(from, to, staffUser, cancellationToken);
        }
        catch (CompartmentTakenException)
        {
            return MaintenanceOutcome.Conflict($"Compartment {to} is taken.");
        }
        if (outcome.Done)
        {
            signal.Notify(); // the webhook dispatcher need not wait for its next poll
            var now = time.GetStoreNow();
            live.Publish(new LiveUpdate("parcel", from.LockerId, new { from = from.Number, to = to.ToString() }, now));
            live.Publish(new LiveUpdate("parcel", to.LockerId, new { from = from.ToString(), to = to.Number }, now));
        }
        return outcome;
    }

    private Task<MaintenanceOutcome> MoveInStoreAsync(CompartmentRef from, CompartmentRef to, string staffUser, CancellationToken cancellationToken) =>
        store.ExecuteAsync(async tx =>
        {
            var reservation = await tx.Reservations.FindHoldingAsync(from);
            if (reservation is not { Status: ReservationStatus.ReadyForPickup or ReservationStatus.Expired })
            {
                return MaintenanceOutcome.Conflict($"Compartment {from} holds no parcel.");
            }
            var target = await tx.Registry.GetCompartmentAsync(to);
            var targetLocker = target is null ? null : await tx.Registry.GetLockerAsync(to.LockerId);
            if (target is null || targetLocker?.SiteId != reservation.SiteId)
            {
                return MaintenanceOutcome.NotFound($"There is no compartment {to} at this site.");
            }
            if (!target.InService || target.Size < reservation.Size)
            {
                return MaintenanceOutcome.Conflict($"Compartment {to} is out of service or smaller than size {reservation.Size}.");
            }
            await tx.Registry.ReleaseHoldAsync(from, reservation.Id);
            if (!await tx.Registry.TryHoldAsync(to, reservation.Id))
            {
                throw new CompartmentTakenException(to); // rolls the release back
            }
            var moved = reservation with { Compartment = to };
            await tx.Reservations.UpdateAsync(moved, reservation.Status);
            await pauses.RefreshAsync(tx, to.LockerId, to.Number);
            var now = time.GetStoreNow();
            await tx.Audit.AppendAsync(new AuditEntry(now, $"staff:{staffUser}", AuditActions.ParcelMoved, reservation.SiteId,
                from.LockerId, from.Number, reservation.Id, $"moved to {to}"));
            if (to.LockerId != from.LockerId)
            {
                await tx.Audit.AppendAsync(new AuditEntry(now, $"staff:{staffUser}", AuditActions.ParcelMoved, reservation.SiteId,
                    to.LockerId, to.Number, reservation.Id, $"moved from {from}"));
            }
            await webhooks.EnqueueAsync(tx, moved, ParcelMovedEvent);
            return MaintenanceOutcome.Ok(new { reservationId = reservation.Id, from = from.ToString(), to = to.ToString() });
        }, cancellationToken);

    private sealed class CompartmentTakenException(CompartmentRef compartment)
        : InvalidOperationException($"compartment {compartment} is taken");
}
