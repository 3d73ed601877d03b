using Lockers.Core.Board;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Reservations;

namespace Lockers.Gateway.Dashboard;

/// <summary>A locker in the fleet list, with what this gateway knows live (last contact, firmware).</summary>
public sealed record FleetLockerView(
    string SiteId, string SiteName, string LockerId, string LockerName, bool Online, int Compartments, int OpenAlarms,
    string? WorstSeverity, DateTimeOffset? LastContact, string? Firmware);

/// <summary>
/// The parcel (or booking) behind a door, for staff: reference, status, deadline and size, and a guided move under way
/// (<see cref="Move"/>; <see cref="MovingHere"/> on the door it is moving to).
/// </summary>
public sealed record ParcelPageView(
    string ReservationId, string ParcelReference, string Status, string Size, DateTimeOffset? DepositedAt, DateTimeOffset? PickupDeadline,
    bool PickupWindowPaused, MovePageView? Move, bool MovingHere)
{
    public static ParcelPageView From(Reservation r, bool movingHere = false) => new(
        r.Id, r.ParcelReference, r.Status.ToWire(), CompartmentSizes.ToName(r.Size), r.DepositedAt, r.PickupDeadline, r.PausedSince is not null,
        r.Move is { } move ? new MovePageView(r.Compartment!.Value.ToString(), move.Target.ToString(), ParcelMoves.ToWire(move.Step),
            ParcelMoves.WaitingDoor(r).ToString()) : null, movingHere);
}

/// <summary>A guided move: from and to (locker/door), its step, and the door it waits on.</summary>
public sealed record MovePageView(string From, string To, string Step, string WaitingDoor);

/// <summary>
/// A compartment on the locker page: registry data, occupancy, the last reported door state as stored (<c>unknown</c>: never
/// reported) and when it was reported, and the parcel behind it.
/// </summary>
public sealed record CompartmentPageView(
    int Number, string Size, int Column, int Row, bool Accessible, bool InService, string Occupancy, string Door, ParcelPageView? Parcel)
{
    public DateTimeOffset? DoorReportedAt { get; init; }
}

/// <summary>One line of the audit trail in staff's words (<see cref="AuditWords"/>), with the stored action and detail for the record.</summary>
public sealed record AuditLineView(long Id, DateTimeOffset At, string Who, string What, string Action, int? Compartment, string? Detail)
{
    public static AuditLineView From(AuditEntry e, Func<string, string?> clientName, PageTexts texts) =>
        new(e.Id, e.At, AuditWords.Actor(e.Actor, clientName, texts), AuditWords.What(e, texts), e.Action, e.Compartment, e.Detail);
}

/// <summary>A command sent to the locker and how it ended so far: sent, done, failed, or no answer before it expired.</summary>
public sealed record CommandPageView(
    string CommandId, string Action, int Compartment, string? RequestedBy, DateTimeOffset SentAt, string Status, string? Result, string? Reason)
{
    public static CommandPageView From(LockerCommandRecord c, DateTimeOffset now) => new(
        c.CommandId, c.Action, c.Compartment, c.RequestedBy, c.CreatedAt,
        c.StatusAt(now), c.Result, c.Reason);
}

/// <summary>Everything the locker page draws on first load (and after every reconnect); later changes arrive over the live feed.</summary>
public sealed record LockerPageView(
    string LockerId, string LockerName, string SiteId, string SiteName, bool Online, DateTimeOffset? LastContact, string? Firmware,
    IReadOnlyList<CompartmentPageView> Compartments, TelemetrySample? Telemetry, IReadOnlyList<TelemetrySample> TelemetryHistory,
    IReadOnlyList<AlarmView> Alarms, IReadOnlyList<AuditLineView> Audit, IReadOnlyList<CommandPageView> Commands,
    IReadOnlyList<AuditChoiceView> AuditCategories, IReadOnlyList<AuditChoiceView> AuditWho);

/// <summary>A parcel found by the fleet page's search: where it is and how it stands.</summary>
public sealed record ParcelSearchView(
    string ReservationId, string ParcelReference, string Status, string SiteId, string? LockerId, string? LockerName, int? Compartment);
