namespace Lockers.Gateway.Audit;

/// <summary>One line of the append-only audit log. <see cref="Detail"/> never holds a code in clear.</summary>
public sealed record AuditEntry(
    DateTimeOffset At, string Actor, string Action, string? SiteId = null, string? LockerId = null,
    int? Compartment = null, string? ReservationId = null, string? Detail = null)
{
    public long Id { get; init; }
}
