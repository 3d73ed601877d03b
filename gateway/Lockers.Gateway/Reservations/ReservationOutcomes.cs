namespace Lockers.Gateway.Reservations;

/// <summary>How a booking ended; the API maps each case to one response.</summary>
public abstract record BookingOutcome
{
    public sealed record Booked(BookedReservationResponse Response, bool Replayed) : BookingOutcome;
    public sealed record UnknownSite(string SiteId) : BookingOutcome;
    public sealed record NoCapacity(string SiteId, string Size) : BookingOutcome;
    public sealed record IdempotencyKeyReused : BookingOutcome;
}

/// <summary>How a cancel or extend ended.</summary>
public abstract record ChangeOutcome
{
    public sealed record Changed(Reservation Reservation) : ChangeOutcome;
    public sealed record NotFound : ChangeOutcome;
    public sealed record Refused(string Reason) : ChangeOutcome;
}
