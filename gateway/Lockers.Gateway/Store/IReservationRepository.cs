using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;

namespace Lockers.Gateway.Store;

public interface IReservationRepository
{
    Task InsertAsync(Reservation reservation);
    Task<Reservation?> GetAsync(string reservationId);

    /// <summary>
    /// Replaces the reservation only if its stored status is still <paramref name="expectedStatus"/>;
    /// false when another writer got there first (the caller's decision is then void).
    /// </summary>
    Task<bool> UpdateAsync(Reservation updated, ReservationStatus expectedStatus);

    /// <summary>A client's reservations ordered by (created, id), strictly after the cursor when given.</summary>
    Task<IReadOnlyList<Reservation>> ListAsync(string clientId, ReservationStatus? status, ReservationCursor? after, int limit);

    /// <summary>Ready reservations whose window has run out and is not paused.</summary>
    Task<IReadOnlyList<Reservation>> ListOverdueAsync(DateTimeOffset now, int limit);

    /// <summary>Reservations holding a compartment of the locker (or just that compartment).</summary>
    Task<IReadOnlyList<Reservation>> ListHoldingAsync(string lockerId, int? compartmentNumber);

    /// <summary>The reservation whose compartment this is, if any holds it.</summary>
    Task<Reservation?> FindHoldingAsync(CompartmentRef compartment);
    Task<Reservation?> FindByAccessTokenHashAsync(byte[] accessTokenHash);

    /// <summary>The reservation whose guided move goes through this door (its parcel's door or the move's target), if any.</summary>
    Task<Reservation?> FindMovingThroughAsync(CompartmentRef compartment);

    /// <summary>Reservations whose id is <paramref name="text"/> or whose parcel reference is or starts with it (any case); open ones first.</summary>
    Task<IReadOnlyList<Reservation>> SearchAsync(string text, int limit);

    /// <summary>A client's reservations at a site in any of these statuses, oldest first (a courier's round, the manifest).</summary>
    Task<IReadOnlyList<Reservation>> ListAtSiteAsync(string siteId, string clientId, IReadOnlyCollection<ReservationStatus> statuses);

    /// <summary>A client's reservations at a site deposited or closed at or after <paramref name="since"/> (the manifest's "done today").</summary>
    Task<IReadOnlyList<Reservation>> ListChangedAtSiteSinceAsync(string siteId, string clientId, DateTimeOffset since);
}

/// <summary>Keyset position in a client's list.</summary>
public sealed record ReservationCursor(DateTimeOffset CreatedAt, string Id);
