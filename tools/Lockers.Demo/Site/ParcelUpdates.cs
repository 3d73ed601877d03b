namespace Lockers.Demo.Site;

/// <summary>What a webhook changes about a parcel the demo booked, and how to tell the person.</summary>
public static class ParcelUpdates
{
    /// <summary>Applies <paramref name="delivery"/> to <paramref name="parcel"/> (status, codes, door); false when nothing changed (a redelivery, or "deposited").</summary>
    public static bool Apply(DemoParcel parcel, WebhookDelivery delivery)
    {
        var before = (parcel.Status, parcel.PickupPin, parcel.LockerId, parcel.Compartment);
        // Every webhook says where the reservation is now: after a move or a relocation the door numbers follow it.
        if (delivery is { LockerId: { } lockerId, Compartment: { } compartment })
        {
            (parcel.LockerId, parcel.Compartment) = (lockerId, compartment);
        }
        parcel.Status = delivery.Type switch
        {
            "ready_for_pickup" or "picked_up" or "expired" or "returned" => delivery.Type,
            _ => parcel.Status,
        };
        parcel.PickupPin = delivery.PickupPin ?? parcel.PickupPin;
        parcel.QrToken = delivery.QrToken ?? parcel.QrToken;
        parcel.AccessLink = delivery.AccessLink ?? parcel.AccessLink;
        return before != (parcel.Status, parcel.PickupPin, parcel.LockerId, parcel.Compartment);
    }

    /// <summary>The line the prompt shows for a webhook of <paramref name="type"/>.</summary>
    public static string Describe(DemoParcel parcel, string type) => type switch
    {
        "ready_for_pickup" => $"webhook ready_for_pickup ({parcel.ParcelReference}): {Guide.RecipientLine(parcel)}",
        "picked_up" => $"webhook picked_up: {parcel.ParcelReference} was collected from locker {DemoSession.LetterOf(parcel.LockerId!)} door {parcel.Compartment}",
        "parcel_moved" => $"webhook parcel_moved: staff moved {parcel.ParcelReference} to locker {DemoSession.LetterOf(parcel.LockerId!)} door {parcel.Compartment}; the same PIN opens it there",
        "relocated" => $"webhook relocated: the door booked for {parcel.ParcelReference} went out of service; {Guide.CourierLine(parcel)}",
        _ => $"webhook {type}: {parcel.ParcelReference}",
    };
}
