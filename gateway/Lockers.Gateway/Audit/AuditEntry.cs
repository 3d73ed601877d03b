namespace Lockers.Gateway.Audit;

/// <summary>One line of the append-only audit log. <see cref="Detail"/> never holds a code in clear.</summary>
public sealed record AuditEntry(
    DateTimeOffset At, string Actor, string Action, string? SiteId = null, string? LockerId = null,
    int? Compartment = null, string? ReservationId = null, string? Detail = null)
{
    public long Id { get; init; }
}

/// <summary>
/// Narrows an audit trail: actions starting with one of <see cref="ActionPrefixes"/> ("door."), actors with one of
/// <see cref="ActorPrefixes"/> ("staff:"); empty lists narrow nothing.
/// </summary>
public sealed record AuditFilter(IReadOnlyList<string> ActionPrefixes, IReadOnlyList<string> ActorPrefixes, int? Compartment = null);
