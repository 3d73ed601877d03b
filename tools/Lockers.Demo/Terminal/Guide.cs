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
        return $"As a recipient: open the parcel page {parcel.AccessLink} (PIN, QR, extend, redirect), type PIN {parcel.PickupPin} " +
               $"at the site ({letter} {parcel.PickupPin}#)\n      or hold its QR code to the scanner (scan {letter} {parcel.QrToken})";
    }

    /// <summary>The site's courier: one badge (or PIN) opens every booked door in turn, then the parcels to collect.</summary>
    public static string CourierBadgeLine(DemoState state) =>
        $"Courier badge for the site: scan a {state.CourierBadge}  (or type its PIN: a {state.CourierPin}#)\n" +
        "  every door booked at the site then opens in turn as you close the one before (close a 3 ...); then the parcels to collect.\n" +
        "  At the keypad: a 0# the parcel does not fit (a larger door opens), a 8# skip it, a 9# end the round.";

    /// <summary>One line per parcel: the courier's step while booked, the recipient's while ready, else how it ended.</summary>
    public static string ForAll(IEnumerable<DemoParcel> parcels)
    {
        var text = new StringBuilder();
        foreach (var parcel in parcels)
        {
            var where = $"{parcel.ParcelReference} ({parcel.Size}, {DemoSession.LetterOf(parcel.LockerId!)}{parcel.Compartment}):";
            var next = parcel.Status switch
            {
                "booked" when parcel.AccessLink is not null => CourierLine(parcel) + $"\n      recipient's page (on its way): {parcel.AccessLink}",
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
