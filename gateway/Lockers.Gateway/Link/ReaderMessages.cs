using Lockers.Core.App;
using Lockers.Core.Protocol;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations.Doors;

namespace Lockers.Gateway.Link;

/// <summary>
/// What the gateway has a locker's reader show (show_message) when the door for a code is not the reader's own, or
/// cannot open. The words are the core's <see cref="DisplayTexts"/>, the one place for every display text; this only
/// chooses among them, and only from what the system has confirmed (ADR 0304).
/// </summary>
public static class ReaderMessages
{
    /// <summary>The other controller answered the unlock: "Go to ..." only when its door opened.</summary>
    public static string DoorElsewhereAnswered(Locker doorLocker, int compartment, string result, string reason) =>
        result == CommandResults.Ok ? DisplayTexts.GoToDoor(doorLocker.Name, compartment)
        : reason == CommandResults.OutOfService ? DisplayTexts.DoorElsewhereOutOfService(doorLocker.Name, compartment)
        : DisplayTexts.DoorElsewhereDidNotOpen(doorLocker.Name, compartment);

    /// <summary>Unlocks are held at the site or in the fleet (ADR 0110): the code was not checked, so nothing is said about it.</summary>
    public const string UnlocksHeld = DisplayTexts.ServicePaused;

    /// <summary>The code is right but its door cannot open now; <paramref name="readerLockerId"/> is where it was typed.</summary>
    public static string Unavailable(DoorUnavailable why, Locker doorLocker, int compartment, string readerLockerId) => why switch
    {
        DoorUnavailable.ParcelBeingMoved => DisplayTexts.ParcelBeingMoved,
        DoorUnavailable.LockerOffline => DisplayTexts.LockerOffline(doorLocker.Name),
        _ when doorLocker.Id == readerLockerId => DisplayTexts.DoorOutOfService(compartment),
        _ => DisplayTexts.DoorElsewhereOutOfService(doorLocker.Name, compartment),
    };
}
