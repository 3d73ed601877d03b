namespace Lockers.Gateway.Reservations;

/// <summary>
/// Where a parcel is in its lifecycle, as the API names it (<see cref="ReservationStatuses.ToWire"/>). Which status may
/// follow which, and why, is <see cref="ReservationTransitions"/>: booked -> ready_for_pickup -> picked_up,
/// booked -> cancelled, ready_for_pickup -> expired -> returned, ready_for_pickup -> redirected -> returned; a send from a
/// locker booked -> deposited -> collected.
/// </summary>
public enum ReservationStatus
{
    Booked,
    ReadyForPickup,
    PickedUp,
    Cancelled,
    Expired,
    Returned,
    /// <summary>The recipient sent the deposited parcel to another site: the carrier collects it here.</summary>
    Redirected,
    /// <summary>A parcel sent from the locker waits for the carrier.</summary>
    Deposited,
    /// <summary>The carrier took the sent parcel.</summary>
    Collected,
}

public static class ReservationStatuses
{
    private static readonly Dictionary<ReservationStatus, string> Names = new()
    {
        [ReservationStatus.Booked] = "booked",
        [ReservationStatus.ReadyForPickup] = "ready_for_pickup",
        [ReservationStatus.PickedUp] = "picked_up",
        [ReservationStatus.Cancelled] = "cancelled",
        [ReservationStatus.Expired] = "expired",
        [ReservationStatus.Returned] = "returned",
        [ReservationStatus.Redirected] = "redirected",
        [ReservationStatus.Deposited] = "deposited",
        [ReservationStatus.Collected] = "collected",
    };

    public static IEnumerable<string> AllNames => Names.Values;

    public static string ToWire(this ReservationStatus status) => Names[status];

    public static bool TryParse(string? text, out ReservationStatus status)
    {
        foreach (var (key, name) in Names)
        {
            if (name == text)
            {
                status = key;
                return true;
            }
        }
        status = default;
        return false;
    }

    public static ReservationStatus Parse(string text) =>
        TryParse(text, out var status) ? status : throw new FormatException($"unknown reservation status '{text}'");
}
