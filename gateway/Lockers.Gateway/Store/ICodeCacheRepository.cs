using Lockers.Gateway.Codes;

namespace Lockers.Gateway.Store;

/// <summary>
/// Each locker's offline code cache as the gateway tracks it (docs/adr/0211-offline-code-cache.md): a count of the changes to
/// what may open its doors, which change was last pushed, and the last version pushed. The cache's content is not stored: it
/// is the live codes of the reservations in the locker's compartments, read when it is pushed.
/// </summary>
public interface ICodeCacheRepository
{
    /// <summary>Something the locker may open changed (called by the parcel lifecycle, in its unit of work).</summary>
    Task MarkChangedAsync(string lockerId);

    /// <summary>The locker needs the whole cache again (it came online: it may have lost or missed a push).</summary>
    Task RequestPushAsync(string lockerId);

    /// <summary>
    /// Online, provisioned lockers whose cache is due: changed since the last push, never pushed or pushed again requested,
    /// or last pushed before <paramref name="staleBefore"/> (its entries' lifetime must be renewed). Oldest push first.
    /// </summary>
    Task<IReadOnlyList<string>> ListDueAsync(DateTimeOffset staleBefore, int limit);

    /// <summary>The live codes that may open a door of <paramref name="lockerId"/>, oldest first.</summary>
    Task<IReadOnlyList<CachedCodeSource>> ListCodesAsync(string lockerId);

    /// <summary>Records a push made now and returns its version (one above the last).</summary>
    Task<long> MarkPushedAsync(string lockerId, DateTimeOffset at);
}
