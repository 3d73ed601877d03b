using Lockers.Core.Board;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Registry;

/// <summary>A site offered instead of another, with how far it is from it.</summary>
public sealed record NearbySite(Site Site, double DistanceKm);

/// <summary>
/// The sites nearest to a full (or unwanted) one that have a free compartment of a size: what a booking refused for
/// capacity offers, and the places a recipient can send a parcel to. Sites without a location are never offered.
/// </summary>
public static class NearbySites
{
    /// <summary>
    /// Up to <paramref name="max"/> sites within <paramref name="radiusKm"/> of <paramref name="from"/>, nearest first,
    /// each with a free in-service compartment of <paramref name="size"/> or larger (accessible when asked).
    /// </summary>
    public static async Task<IReadOnlyList<NearbySite>> FindAsync(
        IStoreTransaction tx, Site from, CompartmentSize size, bool accessible, int max, double radiusKm)
    {
        if (from.Location is not { } center || max <= 0)
        {
            return [];
        }

        // A box around the circle first (the index narrows the scan), then exact great-circle distances.
        var latSpan = radiusKm / 111.0;
        var lonSpan = radiusKm / (111.0 * Math.Max(0.01, Math.Cos(center.Latitude * Math.PI / 180)));
        var candidates = await tx.Registry.ListSitesWithinAsync(
            center.Latitude - latSpan, center.Latitude + latSpan, center.Longitude - lonSpan, center.Longitude + lonSpan);

        var found = new List<NearbySite>();
        foreach (var (site, distance) in candidates
                     .Where(site => site.Id != from.Id)
                     .Select(site => (site, center.DistanceKm(site.Location!)))
                     .Where(pair => pair.Item2 <= radiusKm)
                     .OrderBy(pair => pair.Item2).ThenBy(pair => pair.site.Id, StringComparer.Ordinal))
        {
            if (await tx.Registry.FindFreeCompartmentAsync(site.Id, size, accessible) is not null)
            {
                found.Add(new NearbySite(site, Math.Round(distance, 2)));
                if (found.Count == max)
                {
                    break;
                }
            }
        }

        return found;
    }
}
