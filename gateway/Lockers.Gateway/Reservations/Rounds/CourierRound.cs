using Lockers.Gateway.Reservations.Doors;

namespace Lockers.Gateway.Reservations.Rounds;

/// <summary>
/// A courier's round at one locker controller: started by the courier's badge or PIN at <see cref="LockerId"/>, it opens
/// the site's drop-offs one door at a time (each as the previous door closes), then the parcels to collect. The store keeps
/// it, so any gateway can carry it on. <see cref="Skipped"/> lists the reservation ids passed over (space-separated).
/// </summary>
public sealed record CourierRound(
    long Id, string CourierId, string SiteId, string LockerId, string Reader, DateTimeOffset StartedAt, DateTimeOffset LastActivityAt,
    DateTimeOffset? EndedAt, string? CurrentReservation, UnlockPurpose? CurrentPurpose, int PlannedIn, int PlannedOut,
    int DoneIn, int DoneOut, int PassedIn, int PassedOut, string Skipped)
{
    public bool HasSkipped(string reservationId) => $" {Skipped} ".Contains($" {reservationId} ", StringComparison.Ordinal);

    public CourierRound Skip(string reservationId) => this with { Skipped = (Skipped + " " + reservationId).Trim() };
}
