namespace Lockers.Demo.Site;

/// <summary>What a webhook changes about a parcel the demo booked, and how to tell the person.</summary>
public static class ParcelUpdates
{
    /// <summary>Applies <paramref name="delivery"/> to <paramref name="parcel"/> (status, codes, door); false when nothing changed (a redelivery, or "deposited").</summary>
    public static bool Apply(DemoParcel parcel, WebhookDelivery delivery)
    {
        var before = (parcel.Status, parcel.PickupPin, parcel.LockerId, parcel.Compartment, parcel.DropoffCode);
        // Every webhook says where the reservation is now: after a move, a relocation or a redirect the door numbers follow it.
        if (delivery is { LockerId: { } lockerId, Compartment: { } compartment })
        {
            (parcel.LockerId, parcel.Compartment) = (lockerId, compartment);
        }
        parcel.Status = delivery.Type switch
        {
            "ready_for_pickup" or "picked_up" or "expired" or "returned" => delivery.Type,
            // The recipient sent the parcel elsewhere (the page's redirect); the booking names its new place.
            "redirected" => delivery.Status ?? parcel.Status,
            _ => parcel.Status,
        };
        parcel.DropoffCode = delivery.DropoffCode ?? parcel.DropoffCode;
        parcel.PickupPin = delivery.PickupPin ?? parcel.PickupPin;
        parcel.QrToken = delivery.QrToken ?? parcel.QrToken;
        parcel.AccessLink = delivery.AccessLink ?? parcel.AccessLink;
        return before != (parcel.Status, parcel.PickupPin, parcel.LockerId, parcel.Compartment, parcel.DropoffCode);
    }

    /// <summary>The line the prompt shows for a webhook of <paramref name="type"/>.</summary>
    public static string Describe(DemoParcel parcel, string type) => type switch
    {
        "ready_for_pickup" => $"webhook ready_for_pickup ({parcel.ParcelReference}): {Guide.RecipientLine(parcel)}",
        "picked_up" => $"webhook picked_up: {parcel.ParcelReference} was collected from locker {DemoSession.LetterOf(parcel.LockerId!)} door {parcel.Compartment}",
        "parcel_moved" => $"webhook parcel_moved: staff moved {parcel.ParcelReference} to locker {DemoSession.LetterOf(parcel.LockerId!)} door {parcel.Compartment}; the same PIN opens it there",
        "relocated" => $"webhook relocated: the door booked for {parcel.ParcelReference} went out of service; {Guide.CourierLine(parcel)}",
        "redirected" => $"webhook redirected: the recipient sent {parcel.ParcelReference} to locker {parcel.LockerId} door {parcel.Compartment}",
        "extended" => $"webhook extended: the recipient (or carrier) gave {parcel.ParcelReference} more time",
        _ => $"webhook {type}: {parcel.ParcelReference}",
    };
}
