using Lockers.Core.Board;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Reservations.Rounds;

/// <summary>One parcel on a manifest: where it is (or will be) and why it is listed.</summary>
public sealed record ManifestEntry(
    string ReservationId, string ParcelReference, string Size, string Status, string? LockerId, int? Compartment, string Reason,
    DateTimeOffset? At);

/// <summary>A carrier's day at a site: the drop-offs waiting and done, the collections waiting and done (the site's local date).</summary>
public sealed record SiteManifest(
    string SiteId, DateOnly Date, string TimeZone, IReadOnlyList<ManifestEntry> DropoffsWaiting, IReadOnlyList<ManifestEntry> DropoffsDone,
    IReadOnlyList<ManifestEntry> CollectionsWaiting, IReadOnlyList<ManifestEntry> CollectionsDone);

/// <summary>Builds a carrier's manifest for a site: what a courier's round there will open, and what was done today.</summary>
public sealed class ManifestService(ILockerStore store, TimeProvider time)
{
    /// <summary>The manifest of <paramref name="clientId"/> at <paramref name="siteId"/> for <paramref name="date"/> (default: today there), or null for an unknown site.</summary>
    public Task<SiteManifest?> BuildAsync(string clientId, string siteId, DateOnly? date, CancellationToken cancellationToken = default) =>
        store.ReadAsync<SiteManifest?>(async tx =>
        {
            if (await tx.Registry.GetSiteAsync(siteId) is not { } site)
            {
                return null;
            }

            var zone = site.Zone;
            var day = date ?? DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetStoreNow(), zone).DateTime);
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), zone.GetUtcOffset(day.ToDateTime(TimeOnly.MinValue)));
            var end = start.AddDays(1);

            var waitingIn = (await tx.Reservations.ListAtSiteAsync(siteId, clientId, [ReservationStatus.Booked]))
                .Where(r => r.Kind == ReservationKind.Delivery && r.DepositedAt is null).Select(r => Entry(r, "deposit", r.CreatedAt)).ToList();
            var waitingOut = (await tx.Reservations.ListAtSiteAsync(siteId, clientId,
                    [ReservationStatus.Expired, ReservationStatus.Redirected, ReservationStatus.Deposited]))
                .Select(r => Entry(r, r.Status.ToWire() == "deposited" ? "send" : r.Status.ToWire(), r.ExpiredAt ?? r.DepositedAt)).ToList();
            var changed = (await tx.Reservations.ListChangedAtSiteSinceAsync(siteId, clientId, start)).ToList();
            var doneIn = changed.Where(r => r.Kind == ReservationKind.Delivery && r.DepositedAt is { } at && at >= start && at < end)
                .Select(r => Entry(r, "deposit", r.DepositedAt)).ToList();
            var doneOut = changed.Where(r => r.Status is ReservationStatus.Returned or ReservationStatus.Collected && r.ClosedAt is { } at && at >= start && at < end)
                .Select(r => Entry(r, r.Status == ReservationStatus.Collected ? "send" : "return", r.ClosedAt)).ToList();
            return new SiteManifest(siteId, day, site.TimeZone, waitingIn, doneIn, waitingOut, doneOut);
        }, cancellationToken);

    private static ManifestEntry Entry(Reservation r, string reason, DateTimeOffset? at) => new(
        r.Id, r.ParcelReference, CompartmentSizes.ToName(r.Size), r.Status.ToWire(), r.Compartment?.LockerId, r.Compartment?.Number, reason, at);
}
