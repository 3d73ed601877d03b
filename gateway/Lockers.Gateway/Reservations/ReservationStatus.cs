namespace Lockers.Gateway.Reservations;

/// <summary>
/// Where a parcel is in its lifecycle, as the API names it (<see cref="ReservationStatuses.ToWire"/>). Which status may
/// follow which, and why, is <see cref="ReservationTransitions"/>: booked -> ready_for_pickup -> picked_up,
/// booked -> cancelled, ready_for_pickup -> expired -> returned.
/// </summary>
public enum ReservationStatus
{
    Booked,
    ReadyForPickup,
    PickedUp,
    Cancelled,
    Expired,
    Returned,
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
