using Lockers.Core.Board;
using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Reservations;

/// <summary>What a reservation is for.</summary>
public enum ReservationKind
{
    /// <summary>A carrier delivers a parcel to a recipient, who picks it up with a PIN or QR code.</summary>
    Delivery,
    /// <summary>A shop or person puts a parcel in to send it; the carrier collects it.</summary>
    Send,
}

public static class ReservationKinds
{
    public static string ToWire(this ReservationKind kind) => kind == ReservationKind.Send ? "send" : "delivery";

    public static bool TryParse(string? text, out ReservationKind kind)
    {
        kind = text == "send" ? ReservationKind.Send : ReservationKind.Delivery;
        return text is "send" or "delivery";
    }
}

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

    /// <summary>A delivery to a recipient, or a parcel sent from the locker (collected by the carrier).</summary>
    public ReservationKind Kind { get; init; } = ReservationKind.Delivery;
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

    /// <summary>
    /// HMAC of the recipient's access-link token (the parcel page, /r/{token}); issued at booking (null on reservations
    /// booked before issue 15 until their deposit), moved to the new reservation when the parcel is redirected.
    /// </summary>
    public byte[]? AccessTokenHash { get; init; }

    /// <summary>A guided move staff are making (the parcel stays in <see cref="Compartment"/> until it is done); null when none.</summary>
    public ParcelMove? Move { get; init; }
    /// <summary>
    /// The access token itself, sealed (AES-GCM under the pepper), kept only until the parcel is closed: the deposit
    /// derives the PIN and QR from it and the ready_for_pickup webhook carries the link again. Null once closed.
    /// </summary>
    public byte[]? AccessTokenSealed { get; init; }

    /// <summary>Which derivation of the access token the PIN is (unique at the site); null when the PIN was drawn at random.</summary>
    public int? PinIndex { get; init; }

    /// <summary>Hours the recipient added from the parcel page (bounded by the carrier's recipient policy).</summary>
    public int RecipientExtendedHours { get; init; }

    /// <summary>When staff last moved the parcel to another compartment.</summary>
    public DateTimeOffset? MovedAt { get; init; }

    /// <summary>The site the recipient redirected the parcel from.</summary>
    public string? RedirectedFrom { get; init; }

    /// <summary>For a parcel redirected after deposit: the reservation that carries it on to the new site.</summary>
    public string? RedirectedTo { get; init; }
}
