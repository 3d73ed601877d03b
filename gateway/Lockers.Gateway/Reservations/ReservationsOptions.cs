using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Reservations;

/// <summary>Section "Reservations".</summary>
public sealed class ReservationsOptions : IGatewayOptions
{
    public static string Section => "Reservations";

    /// <summary>Pickup window when a booking does not ask for one (hours from deposit).</summary>
    public int DefaultPickupWindowHours { get; set; } = 72;

    /// <summary>Upper bound of a window, extensions included.</summary>
    public int MaxPickupWindowHours { get; set; } = 168;

    /// <summary>Base of the recipient's access link (QR page) put into ready_for_pickup webhooks.</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5080";

    /// <summary>Largest "limit" a client may ask of GET /api/v1/reservations.</summary>
    public int MaxPageSize { get; set; } = 100;
}
