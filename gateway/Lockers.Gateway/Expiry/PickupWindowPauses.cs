using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Expiry;

/// <summary>
/// The pickup window stops while the compartment is out of service or its locker is offline: nobody could
/// collect then. Pausing stores when it began; resuming moves the deadline by the time spent paused.
/// </summary>
public sealed class PickupWindowPauses(TimeProvider time)
{
    /// <summary>Re-evaluates every ready parcel in the locker (or only in one compartment) after an availability change.</summary>
    public async Task RefreshAsync(IStoreTransaction tx, string lockerId, int? compartmentNumber)
    {
        var locker = await tx.Registry.GetLockerAsync(lockerId);
        if (locker is null)
        {
            return;
        }
        var now = time.GetStoreNow();
        foreach (var reservation in await tx.Reservations.ListHoldingAsync(lockerId, compartmentNumber))
        {
            if (reservation.Status != ReservationStatus.ReadyForPickup || reservation.Compartment is not { } held)
            {
                continue;
            }
            var compartment = await tx.Registry.GetCompartmentAsync(held);
            var unavailable = !locker.Online || compartment is not { InService: true };
            var updated = (unavailable, reservation.PausedSince) switch
            {
                (true, null) => reservation with { PausedSince = now },
                (false, { } since) => reservation with { PausedSince = null, PickupDeadline = reservation.PickupDeadline + (now - since) },
                _ => null,
            };
            if (updated is not null)
            {
                await tx.Reservations.UpdateAsync(updated, ReservationStatus.ReadyForPickup);
            }
        }
    }
}
