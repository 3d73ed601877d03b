using Lockers.Core.Board;

namespace Lockers.Gateway.Reservations;

/// <summary>Body of POST /api/v1/reservations. Every field is optional here so that missing ones get a clear validation message.</summary>
public sealed record CreateReservationRequest(
    string? SiteId, string? Size, bool? Accessible, string? ParcelReference, RecipientContact? Recipient, int? PickupWindowHours,
    string? Kind = null);

public sealed record RecipientContact(string? Email, string? Phone);

/// <summary>Body of POST /api/v1/reservations/{id}/extend.</summary>
public sealed record ExtendReservationRequest(int? Hours);

/// <summary>A reservation as clients see it: never a code, never a hash.</summary>
public sealed record ReservationResponse(
    string Id, string Status, string SiteId, string Size, bool Accessible, string ParcelReference, RecipientContact Recipient,
    int PickupWindowHours, string? LockerId, int? Compartment, DateTimeOffset CreatedAt, DateTimeOffset? DepositedAt,
    DateTimeOffset? PickupDeadline, bool PickupWindowPaused, DateTimeOffset? ExpiredAt, DateTimeOffset? ClosedAt,
    string Kind = "delivery", int RecipientExtendedHours = 0, string? RedirectedFrom = null, string? RedirectedTo = null)
{
    public static ReservationResponse From(Reservation r) => new(
        r.Id, r.Status.ToWire(), r.SiteId, CompartmentSizes.ToName(r.Size), r.Accessible, r.ParcelReference,
        new RecipientContact(r.RecipientEmail, r.RecipientPhone), r.PickupWindowHours, r.Compartment?.LockerId,
        r.Compartment?.Number, r.CreatedAt, r.DepositedAt, r.PickupDeadline, r.PausedSince is not null, r.ExpiredAt, r.ClosedAt,
        r.Kind.ToWire(), r.RecipientExtendedHours, r.RedirectedFrom, r.RedirectedTo);
}

/// <summary>
/// Answer to a booking: the courier's (or sender's) drop-off code appears here once and is never shown again; the
/// recipient's parcel page link too (send it to the recipient: it shows the place now and the PIN once deposited).
/// </summary>
public sealed record BookedReservationResponse(ReservationResponse Reservation, string DropoffCode, string? AccessLink = null);

/// <summary>Answer to reissuing a recipient's access: the new page link and, once the parcel is in the locker, the new PIN.</summary>
public sealed record ReissuedAccessResponse(ReservationResponse Reservation, string AccessLink, string? PickupPin);

/// <summary>One page of GET /api/v1/reservations; pass <see cref="NextCursor"/> back to get the next.</summary>
public sealed record ReservationPage(IReadOnlyList<ReservationResponse> Items, string? NextCursor);
