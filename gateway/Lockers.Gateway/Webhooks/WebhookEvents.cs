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

    /// <summary>The pickup window was extended (by the carrier's API or by the recipient on the parcel page).</summary>
    public const string Extended = "extended";

    /// <summary>The recipient sent the parcel to another site (each reservation involved gets one).</summary>
    public const string Redirected = "redirected";

    /// <summary>The carrier took a parcel sent from the locker.</summary>
    public const string Collected = "collected";

    /// <summary>The booking has a new drop-off code: at a courier's round it moved to a larger door or the deposit was given up.</summary>
    public const string DropoffCodeChanged = "dropoff_code_changed";
}
