using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations.Doors;

namespace Lockers.Gateway.Store;

/// <summary>Door events and unlock intents (alarms: <see cref="IMonitoringRepository"/>).</summary>
public interface ILockerEventRepository
{
    /// <param name="entryLockerId">The locker where the code was entered.</param>
    /// <param name="readerId">Its reader that read the code.</param>
    Task<long> InsertIntentAsync(
        CompartmentRef compartment, string reservationId, long codeId, UnlockPurpose purpose, DateTimeOffset at, string entryLockerId, string readerId);

    /// <summary>The newest intent for the compartment in one of the given states.</summary>
    Task<UnlockIntent?> FindLatestIntentAsync(CompartmentRef compartment, params UnlockIntentStatus[] statuses);

    /// <summary>Moves an intent from one state to another; false when it was no longer in <paramref name="from"/>.</summary>
    Task<bool> TransitionIntentAsync(long intentId, UnlockIntentStatus from, UnlockIntentStatus to, DateTimeOffset at);

    /// <summary>Marks every other unfinished intent for the compartment done (say, the same PIN typed at a second keypad).</summary>
    Task CloseOtherIntentsAsync(CompartmentRef compartment, long keepIntentId, DateTimeOffset at);
}
