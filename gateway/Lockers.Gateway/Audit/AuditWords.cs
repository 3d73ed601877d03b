using System.Text.RegularExpressions;

namespace Lockers.Gateway.Audit;

/// <summary>A way to narrow the audit trail, as staff choose it: its key, its words, and the stored prefixes it matches.</summary>
public sealed record AuditChoice(string Key, string Label, IReadOnlyList<string> Prefixes);

/// <summary>
/// The audit trail in staff's words (ADR 0307): who did what, as a sentence, from the stored action names
/// (<see cref="AuditActions"/>) and details. The one place that turns them into words, and that says how the trail
/// can be narrowed (<see cref="Categories"/>, <see cref="Who"/>). Stored lines never change; only their reading does.
/// </summary>
public static partial class AuditWords
{
    /// <summary>What happened, by the stored action's prefix.</summary>
    public static IReadOnlyList<AuditChoice> Categories { get; } =
    [
        new("doors", "Doors", ["door."]),
        new("codes", "Codes at the door", ["code."]),
        new("parcels", "Parcels and bookings", ["reservation.", "parcel."]),
        new("alarms", "Alarms", ["alarm."]),
        new("commands", "Commands to the locker", ["locker.command"]),
        new("locker", "The locker itself", ["locker.online", "locker.boot", "locker.tamper", "locker.journal", "locker.unknown"]),
        new("staff", "Sign-ins and service changes", ["staff.", "admin."]),
    ];

    /// <summary>Who did it, by the stored actor's prefix.</summary>
    public static IReadOnlyList<AuditChoice> Who { get; } =
    [
        new("staff", "Staff", ["staff:"]),
        new("door", "People at the door", ["keypad:", "qr:", "scanner:"]),
        new("carriers", "Carriers", ["client:"]),
        new("lockers", "Lockers", ["locker:"]),
        new("system", "The gateway", ["system", "gateway"]),
    ];

    public static AuditFilter Filter(string? category, string? who, int? compartment) => new(
        Categories.FirstOrDefault(c => c.Key == category)?.Prefixes ?? [],
        Who.FirstOrDefault(w => w.Key == who)?.Prefixes ?? [],
        compartment);

    /// <summary>Who, in words: "mia (staff)", "someone at keypad kp-1", "carrier acme"; <paramref name="clientName"/> names a client id.</summary>
    public static string Actor(string actor, Func<string, string?> clientName)
    {
        var (kind, id) = actor.IndexOf(':') is var colon and > 0 ? (actor[..colon], actor[(colon + 1)..]) : (actor, "");
        return kind switch
        {
            "staff" => $"{id} (staff)",
            "keypad" => $"someone at keypad {id}",
            "qr" or "scanner" => $"someone at scanner {id}",
            "client" => $"carrier {clientName(id) ?? id}",
            "locker" => $"locker {id}",
            "system" => "the gateway (alarm rules)",
            "gateway" => "the gateway",
            _ => actor,
        };
    }

    /// <summary>What happened, as a sentence a member of staff can act on.</summary>
    public static string What(AuditEntry e)
    {
        var d = Fields(e.Detail);
        var door = e.Compartment is { } n ? $"door {n}" : "a door";
        var Door = e.Compartment is { } m ? $"Door {m}" : "A door";
        return e.Action switch
        {
            AuditActions.CodeIssued => "Code issued",
            AuditActions.CodeAccepted => $"Right code ({Kind(d.Get("kind"))}): {door} to open for {Purpose(d.Get("purpose"))}",
            AuditActions.CodeRejected => "Code not accepted at the scanner",
            AuditActions.CodeThrottled => $"Code not checked: the keypad is held back after wrong codes (retry after {d.Get("retry_after") ?? "a while"})",
            AuditActions.CodeConsumed => $"Code used up: {door} opened for {Purpose(d.Get("purpose"))}",
            AuditActions.CodeTooOld => "Code entered too long ago (replayed from the locker's journal): not answered, nothing opened",
            AuditActions.CodeDoorUnavailable => $"Right code, but {door} could not open ({Unavailable(d.Get("reason"))}); the person was told, the code stays valid",
            AuditActions.DoorOpened => Opened(Door, d, e.Detail ?? ""),
            AuditActions.DoorClosed => $"{Door} closed",
            AuditActions.DoorJammed => $"{Door} did not open after an unlock (jammed); the code stays valid",
            AuditActions.DoorForced => $"{Door} forced open (no unlock asked for it)",
            AuditActions.DoorLeftOpen => $"{Door} left open too long",
            AuditActions.RemoteOpen => $"Remote open of {door} asked ({RestAfter(e.Detail, "reason: ") ?? "no reason"})",
            AuditActions.ReservationBooked => $"{Door} booked for a parcel",
            AuditActions.ReservationCancelled => "Booking cancelled by the carrier",
            AuditActions.ReservationExtended => $"Pickup window extended ({d.Get("hours") ?? "?"} h, {d.Get("total") ?? "?"} h in all)",
            AuditActions.ReservationExpired => "Pickup window ran out: the parcel waits for the carrier's collection",
            AuditActions.ReservationRelocated => $"Booking {e.Detail}",
            AuditActions.ParcelMoveRequested => $"Parcel {e.Detail}: its door opens, then the new one",
            AuditActions.ParcelMoved => $"Parcel {e.Detail}: the recipient's codes now open the new door",
            AuditActions.ParcelMoveCancelled => $"Parcel {e.Detail}: the parcel stays where it was",
            AuditActions.LockerOnlineChanged => e.Detail == "online" ? "Locker came online" : "Locker went offline",
            AuditActions.CommandSent => Command(d, e.Detail ?? ""),
            AuditActions.CommandResult => Result(d),
            AuditActions.CommandRefused => $"The locker refused a signed command ({d.Get("reason") ?? "?"})",
            AuditActions.Tamper => $"The locker reported tampering: {e.Detail}",
            AuditActions.Boot => $"The locker started (firmware {d.Get("fw") ?? "?"}, start {d.Get("boot") ?? "?"})",
            AuditActions.JournalOverflow => $"The locker's event journal overflowed ({d.Get("dropped") ?? "?"} events lost)",
            AuditActions.UnknownEvent => $"The locker sent an event the gateway does not know ({d.Get("kind") ?? "?"})",
            AuditActions.AlarmRaised => $"Alarm raised: {Alarm(e.Detail)}",
            AuditActions.AlarmConditionEnded => $"Alarm's condition ended, waiting to be acknowledged: {Alarm(e.Detail)}",
            AuditActions.AlarmAcknowledged => $"Alarm acknowledged: {Alarm(e.Detail)}",
            AuditActions.AlarmCleared => $"Alarm cleared: {Alarm(e.Detail)}",
            AuditActions.StaffSignedIn => "Signed in to the dashboard",
            AuditActions.StaffSignInFailed => "Sign-in refused",
            AuditActions.CompartmentServiceChanged => e.Detail == "in_service" ? $"{Door} returned to service" : $"{Door} taken out of service",
            AuditActions.LockerServiceChanged => e.Detail == "in_service" ? "Whole locker returned to service" : "Whole locker taken out of service",
            _ => $"{e.Action.Replace('.', ' ').Replace('_', ' ')}{(e.Detail is { Length: > 0 } detail ? ": " + detail : "")}",
        };
    }

    private static string Opened(string door, Dictionary<string, string> d, string detail) => d.Get("purpose") switch
    {
        "remote_open" => $"{door} opened on the remote open {Requested(d)}",
        "move_source" => $"{door} opened for the parcel move: take the parcel out",
        "move_target" => $"{door} opened for the parcel move: put the parcel in and close it",
        { } purpose => $"{door} opened for {Purpose(purpose)}",
        null when detail.Contains("already spent", StringComparison.Ordinal) => $"{door} opened, but its code had been used already",
        _ => $"{door} opened with no code or command the gateway knows of",
    };

    private static string Requested(Dictionary<string, string> d) => d.Get("requested_by") is { } by && by.StartsWith("staff:", StringComparison.Ordinal)
        ? $"asked by {by["staff:".Length..]}"
        : $"asked by {d.Get("requested_by") ?? "the gateway"}";

    private static string Command(Dictionary<string, string> d, string detail) => d.Get("action") switch
    {
        "unlock" => $"Unlock of door {d.Get("compartment")} sent to the locker{(d.Get("staff_override") == "true" ? " (staff override)" : "")}",
        "deny" => d.Get("retry_after_s") is { } wait && wait != "0"
            ? $"Told reader {d.Get("reader")}: too many tries, wait {wait} s"
            : $"Told reader {d.Get("reader")}: code not accepted",
        "show_message" => $"Told reader {d.Get("reader")}: \u201C{RestAfter(detail, "text=")}\u201D",
        "out_of_service" => $"Out-of-service command sent for {(d.Get("compartment") is "0" or null ? "the whole locker" : "door " + d.Get("compartment"))}",
        var other => $"Command {other} sent",
    };

    private static string Result(Dictionary<string, string> d) => d.Get("result") switch
    {
        "ok" => $"The locker carried out command {d.Get("id")}",
        var result => $"The locker answered command {d.Get("id")}: {result}{(d.Get("reason") is { } reason ? $" ({reason.Replace('_', ' ')})" : "")}",
    };

    private static string Kind(string? kind) => kind switch
    {
        "Dropoff" => "courier's drop-off code",
        "PickupPin" => "recipient's PIN",
        "PickupQr" => "recipient's QR code",
        "Collect" => "carrier's collect code",
        _ => kind ?? "a code",
    };

    private static string Purpose(string? purpose) => purpose switch
    {
        "Deposit" => "the courier's deposit",
        "Pickup" => "the recipient's pickup",
        "Collect" => "the carrier's collection",
        _ => purpose ?? "a code",
    };

    private static string Unavailable(string? reason) => reason switch
    {
        "OutOfService" => "out of service",
        "LockerOffline" => "its locker is offline",
        "ParcelBeingMoved" => "staff are moving the parcel",
        _ => reason ?? "unavailable",
    };

    /// <summary>"alarm=7 kind=door_forced severity=critical: detail" as "door forced (critical): detail".</summary>
    private static string Alarm(string? detail)
    {
        var d = Fields(detail);
        var words = RestAfter(detail, ": ");
        return $"{d.Get("kind")?.Replace('_', ' ') ?? "?"} ({d.Get("severity") ?? "?"}){(words is null ? "" : ": " + words)}";
    }

    private static string? RestAfter(string? text, string marker) =>
        text?.IndexOf(marker, StringComparison.Ordinal) is { } at && at >= 0 ? text[(at + marker.Length)..] : null;

    private static string? Get(this Dictionary<string, string> fields, string key) => fields.TryGetValue(key, out var value) ? value : null;

    /// <summary>The key=value words of a detail ("seq=12 purpose=Pickup"); the first of each key counts.</summary>
    private static Dictionary<string, string> Fields(string? detail)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (Match match in Field().Matches(detail ?? ""))
        {
            fields.TryAdd(match.Groups[1].Value, match.Groups[2].Value.TrimEnd(':'));
        }
        return fields;
    }

    [GeneratedRegex(@"(?<![^\s])([a-z_]+)=(\S+)")]
    private static partial Regex Field();
}
