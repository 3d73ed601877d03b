using System.Globalization;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations.Doors;

namespace Lockers.Gateway.Link;

/// <summary>
/// What the gateway has a locker's reader show (show_message_key) when the door for a code is not the reader's own, or
/// cannot open. The words are the core's keyed texts (firmware/Lockers.Core/Texts), shown in the locker's own language;
/// this only chooses among them, and only from what the system has confirmed (ADR 0304, ADR 0021).
/// </summary>
public static class ReaderMessages
{
    /// <summary>The other controller answered the unlock: "Go to ..." only when its door opened.</summary>
    public static string DoorElsewhereAnswered(Locker doorLocker, int compartment, string result, string reason) =>
        result == CommandResults.Ok ? Keyed(MessageKeys.GoToDoor, Number(compartment), doorLocker.Name)
        : reason == CommandResults.OutOfService ? Keyed(MessageKeys.DoorElsewhereOutOfService, Number(compartment), doorLocker.Name)
        : Keyed(MessageKeys.DoorElsewhereDidNotOpen, Number(compartment), doorLocker.Name);

    /// <summary>Unlocks are held at the site or in the fleet (ADR 0110): the code was not checked, so nothing is said about it.</summary>
    public static string UnlocksHeld => Keyed(MessageKeys.ServicePaused);

    /// <summary>The code is right but its door cannot open now; <paramref name="readerLockerId"/> is where it was typed.</summary>
    public static string Unavailable(DoorUnavailable why, Locker doorLocker, int compartment, string readerLockerId) => why switch
    {
        DoorUnavailable.ParcelBeingMoved => Keyed(MessageKeys.ParcelBeingMoved),
        DoorUnavailable.LockerOffline => Keyed(MessageKeys.LockerOffline, doorLocker.Name),
        _ when doorLocker.Id == readerLockerId => Keyed(MessageKeys.DoorOutOfService, Number(compartment)),
        _ => Keyed(MessageKeys.DoorElsewhereOutOfService, Number(compartment), doorLocker.Name),
    };

    /// <summary>A show_message_key text: the key's wire name and its arguments, separated by '|' (which an argument cannot hold).</summary>
    public static string Keyed(int key, params string[] arguments) =>
        string.Join(DisplayMessages.WireSeparator, [MessageKeys.Names[key], .. arguments.Select(a => a.Replace(DisplayMessages.WireSeparator, '/'))]);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
