using Lockers.Core.Board;
using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Reservations;

/// <summary>
/// One booked compartment and the parcel in it. Only <see cref="ReservationLifecycle"/> creates or changes one (a
/// test holds this): it builds the new one with <c>with</c> and asks the store to replace it only if the status is
/// still what it read.
/// </summary>
public sealed record Reservation
{
    public required string Id { get; init; }
    public required string ClientId { get; init; }
    public required string SiteId { get; init; }
    public required CompartmentSize Size { get; init; }
    public required bool Accessible { get; init; }
    public required string ParcelReference { get; init; }
    public string? RecipientEmail { get; init; }
    public string? RecipientPhone { get; init; }

    /// <summary>Hours the recipient has from deposit, including extensions.</summary>
    public required int PickupWindowHours { get; init; }
    public required ReservationStatus Status { get; init; }

    /// <summary>The compartment booked for the parcel (kept for the record after the hold is released: cancelled, emptied).</summary>
    public CompartmentRef? Compartment { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? DepositedAt { get; init; }

    /// <summary>When the pickup window ends; moves later by the time spent paused.</summary>
    public DateTimeOffset? PickupDeadline { get; init; }

    /// <summary>Set while the compartment or its locker is out of service or offline: the window is stopped.</summary>
    public DateTimeOffset? PausedSince { get; init; }
    public DateTimeOffset? ExpiredAt { get; init; }

    /// <summary>When the reservation reached picked_up, cancelled or returned.</summary>
    public DateTimeOffset? ClosedAt { get; init; }

    /// <summary>HMAC of the recipient's access-link token (QR image page); null before deposit.</summary>
    public byte[]? AccessTokenHash { get; init; }

    /// <summary>A guided move staff are making (the parcel stays in <see cref="Compartment"/> until it is done); null when none.</summary>
    public ParcelMove? Move { get; init; }
}
