namespace Lockers.Gateway.Webhooks;

/// <summary>The webhook event types clients receive.</summary>
public static class WebhookEvents
{
    public const string Deposited = "deposited";
    public const string ReadyForPickup = "ready_for_pickup";
    public const string PickedUp = "picked_up";
    public const string Expired = "expired";
    public const string Returned = "returned";
}
