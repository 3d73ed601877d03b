using Lockers.Gateway.Guard;

namespace Lockers.Gateway.Store;

/// <summary>The unlock anomaly guard's holds and per-minute unlock counts (ADR 0110).</summary>
public interface IGuardRepository
{
    Task<IReadOnlyList<UnlockHold>> FindHoldsAsync(IReadOnlyList<string> scopes);

    Task<IReadOnlyList<UnlockHold>> ListHoldsAsync();

    /// <summary>False when the scope is held already (the first hold stands).</summary>
    Task<bool> InsertHoldAsync(UnlockHold hold);

    Task<bool> DeleteHoldAsync(string scope);

    /// <summary>Unlocks counted in <paramref name="minute"/> (unix minutes) and in the minute before.</summary>
    Task<(long Current, long Previous)> CountUnlocksAsync(string scope, long minute);

    /// <summary>Counts one unlock in <paramref name="minute"/> and forgets the scope's older minutes but the one before.</summary>
    Task CountUnlockAsync(string scope, long minute);

    /// <summary>Forgets every unlock counted for <paramref name="scope"/> (a released hold: counting starts afresh).</summary>
    Task ForgetUnlocksAsync(string scope);
}
