namespace Lockers.Gateway.Reservations;

/// <summary>How a booking ended; the API maps each case to one response.</summary>
public abstract record BookingOutcome
{
    public sealed record Booked(BookedReservationResponse Response, bool Replayed) : BookingOutcome;
    public sealed record UnknownSite(string SiteId) : BookingOutcome;
    public sealed record NoCapacity(string SiteId, string Size, IReadOnlyList<Registry.NearbySite> Alternatives) : BookingOutcome;
    public sealed record IdempotencyKeyReused : BookingOutcome;
}

/// <summary>How a cancel or extend ended.</summary>
public abstract record ChangeOutcome
{
    public sealed record Changed(Reservation Reservation) : ChangeOutcome;
    public sealed record NotFound : ChangeOutcome;
    public sealed record Refused(string Reason) : ChangeOutcome;
}

/// <summary>How reissuing a recipient's access ended.</summary>
public abstract record ReissueOutcome
{
    public sealed record Reissued(ReissuedAccessResponse Response) : ReissueOutcome;
    public sealed record NotFound : ReissueOutcome;
    public sealed record Refused(string Reason) : ReissueOutcome;
}
