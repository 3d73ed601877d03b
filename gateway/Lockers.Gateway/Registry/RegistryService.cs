using Lockers.Gateway.Audit;
using Lockers.Gateway.Expiry;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Registry;

/// <summary>Sites, lockers and compartments: import, and the availability changes health monitoring and MQTT report.</summary>
public sealed class RegistryService(ILockerStore store, PickupWindowPauses pauses, TimeProvider time)
{
    /// <summary>
    /// Inserts or updates the site, its lockers and compartments. Nothing is deleted and service flags are
    /// kept, so re-importing the same file is harmless.
    /// </summary>
    public Task ImportAsync(SiteDefinition definition, string actor, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            await tx.Registry.UpsertSiteAsync(definition.Site);
            foreach (var locker in definition.Lockers)
            {
                var existing = await tx.Registry.GetLockerAsync(locker.Id);
                if (existing is not null && existing.SiteId != locker.SiteId)
                {
                    throw new SiteDefinitionException([$"locker '{locker.Id}' already belongs to site '{existing.SiteId}'"]);
                }
                await tx.Registry.UpsertLockerAsync(locker);
            }
            foreach (var compartment in definition.Compartments)
            {
                await tx.Registry.UpsertCompartmentAsync(compartment);
            }
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), actor, AuditActions.SiteImported, definition.Site.Id,
                Detail: $"lockers={definition.Lockers.Count} compartments={definition.Compartments.Count}"));
        }, cancellationToken);

    /// <summary>Called when a locker's status changes (MQTT birth / last will); pauses or resumes its pickup windows.</summary>
    public Task<bool> SetLockerOnlineAsync(string lockerId, bool online, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            if (!await tx.Registry.SetLockerOnlineAsync(lockerId, online))
            {
                return false;
            }
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"locker:{lockerId}", AuditActions.LockerOnlineChanged,
                LockerId: lockerId, Detail: online ? "online" : "offline"));
            await pauses.RefreshAsync(tx, lockerId, null);
            return true;
        }, cancellationToken);

    /// <summary>Maintenance takes a compartment out of service (or back); out of service, it is never booked and its window stops.</summary>
    public Task<bool> SetCompartmentInServiceAsync(CompartmentRef compartment, bool inService, string actor, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            if (!await tx.Registry.SetCompartmentInServiceAsync(compartment, inService))
            {
                return false;
            }
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), actor, AuditActions.CompartmentServiceChanged,
                LockerId: compartment.LockerId, Compartment: compartment.Number, Detail: inService ? "in_service" : "out_of_service"));
            await pauses.RefreshAsync(tx, compartment.LockerId, compartment.Number);
            return true;
        }, cancellationToken);
}
