using Lockers.Gateway.Audit;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Reservations;

/// <summary>
/// A locker going online or offline (MQTT birth / last will, health monitoring) and a compartment taken out of service
/// or back (maintenance): the registry's flag, its audit line and the pickup windows of the parcels inside, which stop
/// while nobody could collect (ReservationLifecycle: paused, resumed), in one unit of work.
/// </summary>
public sealed class AvailabilityService(ILockerStore store, ReservationLifecycle lifecycle, TimeProvider time)
{
    /// <summary>Pauses or resumes the locker's pickup windows; false when the flag already had that value.</summary>
    public Task<bool> SetLockerOnlineAsync(string lockerId, bool online, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            if (!await tx.Registry.SetLockerOnlineAsync(lockerId, online))
            {
                return false;
            }
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"locker:{lockerId}", AuditActions.LockerOnlineChanged,
                LockerId: lockerId, Detail: online ? "online" : "offline"));
            await RefreshPausesAsync(tx, lockerId, null);
            return true;
        }, cancellationToken);

    /// <summary>Out of service, a compartment is never booked and its window stops; false when it already had that value.</summary>
    public Task<bool> SetCompartmentInServiceAsync(CompartmentRef compartment, bool inService, string actor, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            if (!await tx.Registry.SetCompartmentInServiceAsync(compartment, inService))
            {
                return false;
            }
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), actor, AuditActions.CompartmentServiceChanged,
                LockerId: compartment.LockerId, Compartment: compartment.Number, Detail: inService ? "in_service" : "out_of_service"));
            await RefreshPausesAsync(tx, compartment.LockerId, compartment.Number);
            return true;
        }, cancellationToken);

    private async Task RefreshPausesAsync(IStoreTransaction tx, string lockerId, int? compartmentNumber)
    {
        foreach (var reservation in await tx.Reservations.ListHoldingAsync(lockerId, compartmentNumber))
        {
            await lifecycle.RefreshPauseAsync(tx, reservation);
        }
    }
}
