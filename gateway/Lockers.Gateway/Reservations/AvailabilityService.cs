using Lockers.Gateway.Audit;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Reservations;

/// <summary>A booking that moved to another compartment because its own went out of service before the deposit.</summary>
public sealed record Relocation(Reservation Reservation, CompartmentRef From, CompartmentRef To);

/// <summary>
/// What taking a compartment out of service (or back) did: <see cref="Changed"/> is false when it already was so.
/// Bookings not yet deposited moved (<see cref="Relocated"/>, the carrier told by the <c>relocated</c> webhook) or, with
/// no free compartment that fits, stayed (<see cref="Stranded"/>); parcels inside stay, their pickup window paused
/// (<see cref="ParcelsInside"/>).
/// </summary>
public sealed record ServiceChange(
    bool Changed, IReadOnlyList<Relocation> Relocated, IReadOnlyList<Reservation> Stranded, IReadOnlyList<Reservation> ParcelsInside)
{
    public static ServiceChange Unchanged { get; } = new(false, [], [], []);
}

/// <summary>
/// A locker going online or offline (MQTT birth / last will, health monitoring) and a compartment taken out of service
/// or back (maintenance): the registry's flag, its audit line and the pickup windows of the parcels inside, which stop
/// while nobody could collect (ReservationLifecycle: paused, resumed), in one unit of work. A booking waiting for its
/// courier moves off a compartment going out of service at once (lifecycle: relocated), so the carrier and the
/// dashboard learn of it now, not when the courier's code opens a door elsewhere.
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

    /// <summary>Out of service, a compartment is never booked, its bookings move and its parcels' windows stop.</summary>
    public Task<ServiceChange> SetCompartmentInServiceAsync(CompartmentRef compartment, bool inService, string actor, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            if (!await tx.Registry.SetCompartmentInServiceAsync(compartment, inService))
            {
                return ServiceChange.Unchanged;
            }
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), actor, AuditActions.CompartmentServiceChanged,
                LockerId: compartment.LockerId, Compartment: compartment.Number, Detail: inService ? "in_service" : "out_of_service"));
            var relocated = new List<Relocation>();
            var stranded = new List<Reservation>();
            var inside = new List<Reservation>();
            foreach (var reservation in await tx.Reservations.ListHoldingAsync(compartment.LockerId, compartment.Number))
            {
                if (!inService && await TryRelocateAsync(tx, reservation, "door out of service", actor) is { } moved)
                {
                    relocated.Add(moved);
                    continue;
                }
                var refreshed = await lifecycle.RefreshPauseAsync(tx, reservation);
                (refreshed.Status == ReservationStatus.Booked ? stranded : inside).Add(refreshed);
            }
            return new ServiceChange(true, relocated, inService ? [] : stranded, inside);
        }, cancellationToken);

    /// <summary>
    /// Moves a booking whose courier has not opened the door yet to the smallest free compartment of the site that fits
    /// (lifecycle: relocated, with its webhook and audit line); null when it cannot move (deposit started, nothing free).
    /// </summary>
    public async Task<Relocation?> TryRelocateAsync(IStoreTransaction tx, Reservation reservation, string why, string actor)
    {
        if (reservation.Compartment is not { } from || !lifecycle.Allows(reservation, ReservationEvent.Relocated)
            || await tx.Registry.FindFreeCompartmentAsync(reservation.SiteId, reservation.Size, reservation.Accessible) is not { } free)
        {
            return null;
        }
        var relocated = await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Relocated,
            new TransitionInput(actor, Compartment: free.Ref, AuditDetail: why));
        return relocated.Applied ? new Relocation(relocated.Reservation, from, free.Ref) : null;
    }

    private async Task RefreshPausesAsync(IStoreTransaction tx, string lockerId, int? compartmentNumber)
    {
        foreach (var reservation in await tx.Reservations.ListHoldingAsync(lockerId, compartmentNumber))
        {
            await lifecycle.RefreshPauseAsync(tx, reservation);
        }
    }
}
