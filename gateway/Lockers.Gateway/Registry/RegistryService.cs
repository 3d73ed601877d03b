using Lockers.Gateway.Audit;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Registry;

/// <summary>
/// Sites, lockers and compartments: import. Their availability (online, in service), which pauses pickup windows, is
/// changed through Reservations/AvailabilityService.
/// </summary>
public sealed class RegistryService(ILockerStore store, TimeProvider time)
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
}
