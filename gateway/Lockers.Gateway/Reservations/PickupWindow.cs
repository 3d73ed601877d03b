namespace Lockers.Gateway.Reservations;

/// <summary>
/// The one statement of how long a pickup window may be, in hours: the options (Reservations:DefaultPickupWindowHours,
/// Reservations:MaxPickupWindowHours) and the API (a booking's pickupWindowHours, an extension's hours) are held to it.
/// A deployment narrows it with MaxPickupWindowHours.
/// </summary>
public static class PickupWindow
{
    public const int MinHours = 1;

    /// <summary>30 days: longer, a parcel is lost rather than waiting.</summary>
    public const int MaxHours = 720;
}
