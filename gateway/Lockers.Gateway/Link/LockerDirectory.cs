using System.Collections.Concurrent;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Link;

/// <summary>
/// Answers "is this a registered locker, and at which site?" for every inbound message. Registered lockers
/// are never deleted and never change site (RegistryService refuses it), so a hit is cached for good; a miss
/// is asked again next time, so a locker imported later is found at once. Only the id and site of a cached
/// record are to be trusted: its Online flag is whatever it was when first read.
/// </summary>
public sealed class LockerDirectory(ILockerStore store)
{
    private readonly ConcurrentDictionary<string, Locker> _known = new();

    public async Task<Locker?> FindAsync(string lockerId, CancellationToken cancellationToken)
    {
        if (_known.TryGetValue(lockerId, out var cached))
        {
            return cached;
        }

        var locker = await store.ExecuteAsync(tx => tx.Registry.GetLockerAsync(lockerId), cancellationToken);
        if (locker is not null)
        {
            _known[lockerId] = locker;
        }

        return locker;
    }
}
