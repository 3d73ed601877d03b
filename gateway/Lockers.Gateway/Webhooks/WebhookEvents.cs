namespace Lockers.Gateway.Webhooks;

/// <summary>The webhook event types clients receive.</summary>
public static class WebhookEvents
{
    public const string Deposited = "deposited";
    public const string ReadyForPickup = "ready_for_pickup";
    public const string PickedUp = "picked_up";
    public const string Expired = "expired";
    public const string Returned = "returned";

    /// <summary>Staff moved the parcel to another compartment: sent when the target door closed on it (ADR 0305).</summary>
    public const string ParcelMoved = "parcel_moved";

    /// <summary>The booked compartment went out of service before the deposit; the booking moved to another one.</summary>
    public const string Relocated = "relocated";
}
