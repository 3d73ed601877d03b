using System.Text;

namespace Lockers.Demo;

/// <summary>What a person can do next with each parcel, as commands to type at the demo's prompt.</summary>
public static class Guide
{
    public static string CourierLine(DemoParcel parcel)
    {
        var letter = DemoSession.LetterOf(parcel.LockerId!);
        var key = char.ToLowerInvariant(letter);
        return $"As a courier: type drop-off code {parcel.DropoffCode} at locker {letter} ({key} {parcel.DropoffCode}#), then close {key} {parcel.Compartment}";
    }

    public static string RecipientLine(DemoParcel parcel)
    {
        var letter = char.ToLowerInvariant(DemoSession.LetterOf(parcel.LockerId!));
        return $"As a recipient: PIN {parcel.PickupPin} at the site ({letter} {parcel.PickupPin}#), or QR link {parcel.AccessLink}\n" +
               $"      (its QR code holds {parcel.QrToken}: scan {letter} {parcel.QrToken})";
    }

    /// <summary>One line per parcel: the courier's step while booked, the recipient's while ready, else how it ended.</summary>
    public static string ForAll(IEnumerable<DemoParcel> parcels)
    {
        var text = new StringBuilder();
        foreach (var parcel in parcels)
        {
            var where = $"{parcel.ParcelReference} ({parcel.Size}, {DemoSession.LetterOf(parcel.LockerId!)}{parcel.Compartment}):";
            var next = parcel.Status switch
            {
                "booked" => CourierLine(parcel),
                "ready_for_pickup" when parcel.PickupPin is not null => RecipientLine(parcel),
                "ready_for_pickup" => "ready for pickup (the PIN webhook has not arrived yet)",
                "picked_up" => "picked up: done",
                var other => other.Replace('_', ' '),
            };
            text.AppendLine($"  {where}  {next}");
        }

        return text.ToString();
    }
}
