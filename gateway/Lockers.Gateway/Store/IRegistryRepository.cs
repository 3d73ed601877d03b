using Lockers.Core.Board;
using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Store;

public interface IRegistryRepository
{
    Task UpsertSiteAsync(Site site);
    /// <summary>Inserts or renames a locker; never changes its online flag.</summary>
    Task UpsertLockerAsync(Locker locker);
    /// <summary>Inserts or updates size/position/accessibility; never changes its in-service flag.</summary>
    Task UpsertCompartmentAsync(Compartment compartment);
    Task<Site?> GetSiteAsync(string siteId);

    /// <summary>Sites whose location lies in the box (bounds included); a first cut before exact distances.</summary>
    Task<IReadOnlyList<Site>> ListSitesWithinAsync(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude);
    Task<Locker?> GetLockerAsync(string lockerId);
    Task<Compartment?> GetCompartmentAsync(CompartmentRef compartment);
    Task<IReadOnlyList<Compartment>> ListCompartmentsAsync(string siteId);

    /// <summary>
    /// The smallest in-service, unheld compartment at the site of at least <paramref name="minimumSize"/>
    /// (accessible only when asked; otherwise non-accessible ones first, to keep those free for who needs them).
    /// </summary>
    Task<Compartment?> FindFreeCompartmentAsync(string siteId, CompartmentSize minimumSize, bool accessible);

    /// <summary>Holds the compartment for the reservation; false when someone else holds it.</summary>
    Task<bool> TryHoldAsync(CompartmentRef compartment, string reservationId, HoldPurpose purpose = HoldPurpose.Parcel);

    /// <summary>Releases the reservation's hold on the compartment, whatever its purpose.</summary>
    Task ReleaseHoldAsync(CompartmentRef compartment, string reservationId);

    /// <summary>The reservation's move-target hold on <paramref name="compartment"/> becomes the hold of its parcel (the move is done).</summary>
    Task PromoteMoveHoldAsync(CompartmentRef compartment, string reservationId);

    /// <summary>Changes the flag; false when it already had that value.</summary>
    Task<bool> SetLockerOnlineAsync(string lockerId, bool online);
    Task<bool> SetCompartmentInServiceAsync(CompartmentRef compartment, bool inService);
}
