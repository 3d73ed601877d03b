namespace Lockers.Gateway.Webhooks;

/// <summary>The webhook event types clients receive.</summary>
public static class WebhookEvents
{
    public const string Deposited = "deposited";
    public const string ReadyForPickup = "ready_for_pickup";
    public const string PickedUp = "picked_up";
    public const string Expired = "expired";
    public const string Returned = "returned";

    /// <summary>Staff moved the parcel to another compartment (the dashboard; see ParcelMoveService).</summary>
    public const string ParcelMoved = "parcel_moved";
}
