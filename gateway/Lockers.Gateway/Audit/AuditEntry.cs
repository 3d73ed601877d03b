namespace Lockers.Gateway.Audit;

/// <summary>One line of the append-only audit log. <see cref="Detail"/> never holds a code in clear.</summary>
public sealed record AuditEntry(
    DateTimeOffset At, string Actor, string Action, string? SiteId = null, string? LockerId = null,
    int? Compartment = null, string? ReservationId = null, string? Detail = null)
{
    public long Id { get; init; }
}

/// <summary>The audit action names, in one place so queries and docs agree.</summary>
public static class AuditActions
{
    public const string CodeIssued = "code.issued";
    public const string CodeAccepted = "code.accepted";
    public const string CodeRejected = "code.rejected";
    public const string CodeThrottled = "code.throttled";
    public const string CodeConsumed = "code.consumed";
    public const string DoorOpened = "door.opened";
    public const string DoorClosed = "door.closed";
    public const string DoorJammed = "door.jammed";
    public const string ReservationBooked = "reservation.booked";
    public const string ReservationCancelled = "reservation.cancelled";
    public const string ReservationExtended = "reservation.extended";
    public const string ReservationExpired = "reservation.expired";
    public const string SiteImported = "admin.site_imported";
    public const string ApiClientCreated = "admin.api_client_created";
    public const string LockerOnlineChanged = "locker.online_changed";
    public const string CompartmentServiceChanged = "admin.compartment_service_changed";
}
