using System.Text.RegularExpressions;
using Lockers.Gateway.Localization;

namespace Lockers.Gateway.Audit;

/// <summary>A way to narrow the audit trail, as staff choose it: its key, and the stored prefixes it matches.</summary>
public sealed record AuditChoice(string Key, IReadOnlyList<string> Prefixes);

/// <summary>A way to narrow the audit trail, in the reader's words.</summary>
public sealed record AuditChoiceView(string Key, string Label);

/// <summary>
/// The audit trail in staff's words (ADR 0307), in the reader's language (ADR 0308): who did what, as a sentence, from the
/// stored action names (<see cref="AuditActions"/>) and details. The one place that turns them into words, and that says
/// how the trail can be narrowed (<see cref="Categories"/>, <see cref="Who"/>). Stored lines never change (they stay in
/// the English the code writes); only their reading does. The sentences are keys (AuditLine.*) in
/// Localization/DashboardTexts*.resx.
/// </summary>
public static partial class AuditWords
{
    /// <summary>What happened, by the stored action's prefix.</summary>
    public static IReadOnlyList<AuditChoice> Categories { get; } =
    [
        new("doors", ["door."]),
        new("codes", ["code."]),
        new("parcels", ["reservation.", "parcel."]),
        new("couriers", ["courier."]),
        new("alarms", ["alarm."]),
        new("commands", ["locker.command"]),
        new("locker", ["locker.online", "locker.boot", "locker.tamper", "locker.journal", "locker.unknown", "locker.storage", "events."]),
        new("staff", ["staff.", "admin."]),
        new("holds", ["guard."]),
    ];

    /// <summary>Who did it, by the stored actor's prefix.</summary>
    public static IReadOnlyList<AuditChoice> Who { get; } =
    [
        new("staff", ["staff:"]),
        new("door", ["keypad:", "qr:", "scanner:"]),
        new("couriers", ["courier:"]),
        new("carriers", ["client:"]),
        new("lockers", ["locker:"]),
        new("system", ["system", "gateway", "guard"]),
    ];

    /// <summary>The choices of what happened, in the reader's words (texts AuditCategory.{key}).</summary>
    public static IReadOnlyList<AuditChoiceView> CategoriesIn(PageTexts w) => Categories.Select(c => new AuditChoiceView(c.Key, w["AuditCategory." + c.Key])).ToList();

    /// <summary>The choices of who did it, in the reader's words (texts AuditWho.{key}).</summary>
    public static IReadOnlyList<AuditChoiceView> WhoIn(PageTexts w) => Who.Select(c => new AuditChoiceView(c.Key, w["AuditWho." + c.Key])).ToList();

    public static AuditFilter Filter(string? category, string? who, int? compartment) => new(
        Categories.FirstOrDefault(c => c.Key == category)?.Prefixes ?? [],
        Who.FirstOrDefault(w => w.Key == who)?.Prefixes ?? [],
        compartment);

    /// <summary>Who, in words: "mia (staff)", "someone at keypad kp-1", "carrier acme"; <paramref name="clientName"/> names a client id.</summary>
    public static string Actor(string actor, Func<string, string?> clientName, PageTexts w)
    {
        var (kind, id) = actor.IndexOf(':') is var colon and > 0 ? (actor[..colon], actor[(colon + 1)..]) : (actor, "");
        return kind switch
        {
            "staff" => w.Text("AuditLine.Actor.Staff", id),
            "keypad" => w.Text("AuditLine.Actor.Keypad", id),
            "qr" or "scanner" => w.Text("AuditLine.Actor.Scanner", id),
            "client" => w.Text("AuditLine.Actor.Carrier", clientName(id) ?? id),
            "courier" => w.Text("AuditLine.Actor.Courier", id),
            "locker" => w.Text("AuditLine.Actor.Locker", id),
            "system" => w["AuditLine.Actor.System"],
            "gateway" => w["AuditLine.Actor.Gateway"],
            "guard" => w["AuditLine.Actor.Guard"],
            "admin" => w.Text("AuditLine.Actor.Admin", id),
            _ => actor,
        };
    }

    /// <summary>What happened, as a sentence a member of staff can act on.</summary>
    public static string What(AuditEntry e, PageTexts w)
    {
        var d = Fields(e.Detail);
        var door = e.Compartment is { } n ? w.Text("AuditLine.DoorN", n) : w["AuditLine.ADoor"];
        var Door = e.Compartment is { } m ? w.Text("AuditLine.DoorNStart", m) : w["AuditLine.ADoorStart"]; // at a sentence's start
        string T(string key, params object[] args) => w.Text("AuditLine." + key, args);
        string Or(string? value, string key = "Unknown") => value ?? w["AuditLine." + key];
        return e.Action switch
        {
            AuditActions.CodeIssued => T("CodeIssued"),
            AuditActions.CodeAccepted when d.Get("kind") == "courier" => T("CourierAccepted", Or(d.Get("courier"))),
            AuditActions.CodeAccepted => T("CodeAccepted", Kind(d.Get("kind"), w), door, Purpose(d.Get("purpose"), w)),
            AuditActions.CodeRejected => Rejected(d, w),
            AuditActions.CodeThrottled => T("CodeThrottled", HeldBy(d.Get("held_by"), w), Or(d.Get("retry_after"), "AWhile")),
            AuditActions.CodeHeld => T("CodeHeld", HoldScope(d.Get("scope"), w)),
            AuditActions.CodeReaderRefused => T("CodeReaderRefused"),
            AuditActions.CodeConsumed => T("CodeConsumed", door, Purpose(d.Get("purpose"), w)),
            AuditActions.CodeTooOld => T("CodeTooOld"),
            AuditActions.CodeTooLate => T("CodeTooLate"),
            AuditActions.CodeOpenedOffline => T("CodeOpenedOffline", door, Purpose(d.Get("purpose"), w)),
            AuditActions.CodeOfflineConflict => T("CodeOfflineConflict", door, Or(Part(RestAfter(e.Detail, ": "), w))),
            AuditActions.CodeDoorUnavailable => T("CodeDoorUnavailable", door, Unavailable(d.Get("reason"), w)),
            AuditActions.DoorOpened => Opened(Door, d, e.Detail ?? "", w),
            AuditActions.DoorClosed => T("DoorClosed", Door),
            AuditActions.DoorJammed => T("DoorJammed", Door),
            AuditActions.DoorForced => T("DoorForced", Door),
            AuditActions.DoorLeftOpen => T("DoorLeftOpen", Door),
            AuditActions.RemoteOpen => T("RemoteOpen", door, Or(RestAfter(e.Detail, "reason: "), "NoReason")),
            AuditActions.ReservationBooked => T("Booked", Door),
            AuditActions.ReservationCancelled => T("Cancelled"),
            AuditActions.ReservationExtended => d.Get("by") == "recipient"
                ? T("ExtendedByRecipient", Or(d.Get("hours")?.TrimStart('+')), Or(d.Get("total")))
                : T("Extended", Or(d.Get("hours")?.TrimStart('+')), Or(d.Get("total"))),
            AuditActions.ReservationExpired => T("Expired"),
            AuditActions.ReservationRelocated => Moved("Relocated", e.Detail, w),
            AuditActions.ParcelMoveRequested => Moved("MoveRequested", e.Detail, w),
            AuditActions.ParcelMoved => Moved("Moved", e.Detail, w),
            AuditActions.ParcelMoveCancelled => Moved("MoveCancelled", e.Detail, w),
            AuditActions.ReservationRedirected => d.Get("carried_on_by") is { } next
                ? T("RedirectedCarriedOn", Or(d.Get("to")), next)
                : T("Redirected", Or(d.Get("from")), Or(d.Get("to"))),
            AuditActions.AccessReissued => T("AccessReissued"),
            AuditActions.ReservationResized => T("Resized", door),
            AuditActions.DepositAbandoned => T("DepositAbandoned", door),
            AuditActions.CourierIssued => T("CourierIssued", Or(d.Get("name") ?? d.Get("courier"))),
            AuditActions.CourierRevoked => T("CourierRevoked", Or(d.Get("courier"))),
            AuditActions.RoundStarted => T("RoundStarted", Or(d.Get("deposits")), Or(d.Get("collections"))),
            AuditActions.RoundStep => T("RoundStep", door),
            AuditActions.RoundDidNotFit => T("RoundDidNotFit", door),
            AuditActions.RoundSkipped => T("RoundSkipped", door),
            AuditActions.RoundEnded => T("RoundEnded", Or(d.Get("deposited")), Or(d.Get("collected")), Or(d.Get("skipped"))),
            AuditActions.RoundHeld => T("RoundHeld", HoldScope(d.Get("scope"), w), door),
            AuditActions.LockerOnlineChanged => T(e.Detail == "online" ? "CameOnline" : "WentOffline"),
            AuditActions.CommandSent => Command(d, e.Detail ?? "", w),
            AuditActions.CommandResult => d.Get("result") is "ok"
                ? T("CommandDone", Or(d.Get("id")))
                : T("CommandAnswered", Or(d.Get("id")), w.Word("Result", d.Get("result") ?? "?") + (d.Get("reason") is { } reason ? w.Text("AuditLine.Why", w.Word("Reason", reason)) : "")),
            AuditActions.CommandRefused => T("CommandRefused", w.Word("Reason", d.Get("reason") ?? "?")),
            AuditActions.CommandUnanswered => T("CommandUnanswered", Or(d.Get("id")), Or(d.Get("action"))),
            AuditActions.StorageFault => T("StorageFault", e.Detail ?? ""),
            AuditActions.SequenceReset => T("SequenceReset"),
            AuditActions.EventsLost => d.Get("from") is { } from && d.Get("to") is { } to && from != to
                ? T("EventsLost", from, to)
                : T("EventLost", Or(d.Get("from"))),
            AuditActions.EventConflict => T("EventConflict", Or(d.Get("seq"))),
            AuditActions.EventApplyLate => T("EventApplyLate", Or(d.Get("seq"))),
            AuditActions.Tamper => T("Tamper", e.Detail ?? ""),
            AuditActions.Boot => T("Boot", Or(d.Get("fw")), Or(d.Get("boot"))),
            AuditActions.JournalOverflow => T("JournalOverflow", Or(d.Get("dropped"))),
            AuditActions.UnknownEvent => T("UnknownEvent", Or(d.Get("kind"))),
            AuditActions.AlarmRaised => T("AlarmRaised", Alarm(e.Detail, w)),
            AuditActions.AlarmConditionEnded => T("AlarmConditionEnded", Alarm(e.Detail, w)),
            AuditActions.AlarmAcknowledged => T("AlarmAcknowledged", Alarm(e.Detail, w)),
            AuditActions.AlarmCleared => T("AlarmCleared", Alarm(e.Detail, w)),
            AuditActions.StaffSignedIn => T("SignedIn"),
            AuditActions.StaffSignInFailed => T(e.Detail == "account disabled" ? "SignInFailedDisabled" : "SignInFailed"),
            AuditActions.StaffSignedOut => T("SignedOut"),
            AuditActions.StaffPasswordChanged => T("PasswordChanged"),
            AuditActions.StaffSessionsRevoked => T("SessionsRevoked", Or(d.Get("user")), Or(d.Get("sessions")), Or(RestAfter(e.Detail, ": "))),
            AuditActions.StaffAccountDisabled => T("AccountDisabled", Or(d.Get("user"))),
            AuditActions.StaffAccountEnabled => T("AccountEnabled", Or(d.Get("user"))),
            AuditActions.UnlocksHeld => T("UnlocksHeld", HoldScope(d.Get("scope"), w), Or(Part(RestAfter(e.Detail, "reason: "), w), "NoReason")),
            AuditActions.UnlocksReleased => T("UnlocksReleased", HoldScope(d.Get("scope"), w), Or(RestAfter(e.Detail, "reason: "), "NoReason")),
            AuditActions.CompartmentServiceChanged => T(e.Detail == "in_service" ? "DoorReturned" : "DoorTakenOut", Door),
            AuditActions.LockerServiceChanged => T(e.Detail == "in_service" ? "LockerReturned" : "LockerTakenOut"),
            AuditActions.SiteImported => T("SiteImported", Or(d.Get("lockers")), Or(d.Get("compartments"))),
            AuditActions.ApiClientCreated => T("ApiClientCreated", Or(d.Get("name") ?? d.Get("client"))),
            AuditActions.LockerProvisioned => T("LockerProvisioned", Or(d.Get("board")), Or(d.Get("until"))),
            AuditActions.LockerRevoked => T("LockerRevoked"),
            AuditActions.StaffAccountSaved => T("StaffAccountSaved", Or(d.Get("user")), w.Word("Role", d.Get("role") ?? "?")),
            AuditActions.RecipientPolicyChanged => T("RecipientPolicyChanged"),
            // An action without words yet: its stored name and detail, as they are.
            _ => $"{e.Action}{(e.Detail is { Length: > 0 } detail ? ": " + detail : "")}",
        };
    }

    private static string Opened(string door, Dictionary<string, string> d, string detail, PageTexts w) => d.Get("purpose") switch
    {
        "remote_open" => w.Text("AuditLine.OpenedRemote", door, Requested(d, w)),
        "move_source" => w.Text("AuditLine.OpenedMoveSource", door),
        "move_target" => w.Text("AuditLine.OpenedMoveTarget", door),
        { } purpose => w.Text("AuditLine.OpenedFor", door, Purpose(purpose, w)),
        null when detail.Contains("already spent", StringComparison.Ordinal) => w.Text("AuditLine.OpenedSpent", door),
        _ => w.Text("AuditLine.OpenedUnknown", door),
    };

    private static string Requested(Dictionary<string, string> d, PageTexts w) => d.Get("requested_by") is { } by && by.StartsWith("staff:", StringComparison.Ordinal)
        ? by["staff:".Length..]
        : d.Get("requested_by") ?? w["AuditLine.Actor.Gateway"];

    /// <summary>"moved to dash-a/3", "move to dash-a/3 requested (why)": the lifecycle's detail of a move or relocation.</summary>
    private static string Moved(string key, string? detail, PageTexts w)
    {
        if (detail is null || MoveDetail().Match(detail) is not { Success: true } m)
        {
            return w.Text("AuditLine." + key, detail ?? "?", "");
        }
        var where = w.Text(m.Groups["direction"].Value == "to" ? "AuditLine.To" : "AuditLine.From", m.Groups["door"].Value);
        var why = m.Groups["why"].Success ? w.Text("AuditLine.Why", m.Groups["why"].Value) : "";
        return w.Text("AuditLine." + key, where, why);
    }

    private static string Command(Dictionary<string, string> d, string detail, PageTexts w) => d.Get("action") switch
    {
        "unlock" => w.Text(d.Get("staff_override") == "true" ? "AuditLine.UnlockSentOverride" : "AuditLine.UnlockSent", d.Get("compartment") ?? "?"),
        "deny" => d.Get("retry_after_s") is { } wait && wait != "0"
            ? w.Text("AuditLine.ToldWait", d.Get("reader") ?? "?", wait)
            : w.Text("AuditLine.ToldRefused", d.Get("reader") ?? "?"),
        "show_message" => w.Text("AuditLine.ToldText", d.Get("reader") ?? "?", RestAfter(detail, "text=") ?? ""),
        "sync_codes" => w.Text("AuditLine.SyncCodesSent", d.Get("version") ?? "?", d.Get("part") ?? "?"),
        "show_message_key" => w.Text("AuditLine.ToldKey", d.Get("reader") ?? "?", RestAfter(detail, "key=") ?? RestAfter(detail, "text=") ?? ""),
        "out_of_service" => d.Get("compartment") is "0" or null
            ? w["AuditLine.OutOfServiceSentLocker"]
            : w.Text("AuditLine.OutOfServiceSent", d.Get("compartment")!),
        var other => w.Text("AuditLine.CommandSent", other ?? "?"),
    };

    private static string Kind(string? kind, PageTexts w) => kind is "Dropoff" or "PickupPin" or "PickupQr" or "Collect"
        ? w["AuditLine.Kind." + kind]
        : kind ?? w["AuditLine.ACode"];

    private static string Purpose(string? purpose, PageTexts w) => purpose is "Deposit" or "Pickup" or "Collect"
        ? w["AuditLine.Purpose." + purpose]
        : purpose ?? w["AuditLine.ACode"];

    private static string Unavailable(string? reason, PageTexts w) => reason is "OutOfService" or "LockerOffline" or "ParcelBeingMoved"
        ? w["AuditLine.Unavailable." + reason]
        : reason ?? w["AuditLine.Unavailable.Other"];

    private static string Rejected(Dictionary<string, string> d, PageTexts w) =>
        w.Text("AuditLine.CodeRejected", Family(d.Get("family"), w))
        + (d.Get("failures") is { } failures ? w.Text("AuditLine.RejectedInARow", failures) : "")
        + (d.Get("site_failures") is { } site ? w.Text("AuditLine.RejectedAtSite", site) : "");

    private static string Family(string? family, PageTexts w) => family is "pin" or "dropoff" or "courier_pin" or "qr"
        ? w["AuditLine.Family." + family]
        : w["AuditLine.Family.other"];

    private static string HeldBy(string? scope, PageTexts w) => scope is "locker" or "site"
        ? w["AuditLine.HeldBy." + scope]
        : w["AuditLine.HeldBy.reader"];

    private static string HoldScope(string? scope, PageTexts w) => scope switch
    {
        "fleet" => w["AuditLine.Scope.Fleet"],
        { } site when site.StartsWith("site:", StringComparison.Ordinal) => w.Text("AuditLine.Scope.Site", site[5..]),
        _ => scope ?? "?",
    };

    /// <summary>"alarm=7 kind=door_forced severity=critical: detail" as "door forced (critical): detail", in the reader's words.</summary>
    private static string Alarm(string? detail, PageTexts w)
    {
        var d = Fields(detail);
        var words = RestAfter(detail, ": ");
        var kind = w.Word("Alarm.Kind", d.Get("kind") ?? "?");
        var severity = w.Word("Severity", d.Get("severity") ?? "?");
        return words is null
            ? w.Text("AuditLine.AlarmSubject", kind, severity)
            : w.Text("AuditLine.AlarmSubjectDetail", kind, severity, AlarmDetails.Read(words, w));
    }

    /// <summary>A part the gateway wrote in English from an AlarmPart template (the guard's reason, an offline conflict) in the reader's words; staff's own words as typed.</summary>
    private static string? Part(string? english, PageTexts w) => english is null ? null : AlarmDetails.ReadPart(english, w);

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

    [GeneratedRegex(@"^(?:move|moved) (?<direction>to|from) (?<door>\S+)(?: requested| cancelled)?(?: \((?<why>.*)\))?$")]
    private static partial Regex MoveDetail();
}
