using Lockers.Core.Board;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// Records that staff moved a parcel out of a jammed (or otherwise broken) compartment into another one of the
/// same site. The recipient's codes stay valid (they name the parcel, not the door); the lifecycle's "moved" step
/// tells the carrier (parcel_moved webhook) so it can re-notify the recipient.
/// </summary>
public sealed class ParcelMoveService(ILockerStore store, ReservationLifecycle lifecycle, WebhookSignal signal, LiveFeed live, TimeProvider time)
{
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
            if (reservation is null || !lifecycle.Allows(reservation, ReservationEvent.Moved))
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
                return MaintenanceOutcome.Conflict($"Compartment {to} is out of service or smaller than size {CompartmentSizes.ToName(reservation.Size)}.");
            }
            var moved = await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Moved, new TransitionInput($"staff:{staffUser}", Compartment: to));
            return moved.Applied
                ? MaintenanceOutcome.Ok(new { reservationId = reservation.Id, from = from.ToString(), to = to.ToString() })
                : MaintenanceOutcome.Conflict(moved.Refusal!);
        }, cancellationToken);
}
