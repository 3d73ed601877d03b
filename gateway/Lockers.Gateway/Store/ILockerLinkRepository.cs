using Lockers.Gateway.Link;

namespace Lockers.Gateway.Store;

/// <summary>
/// What the locker link keeps per locker: the credentials made at provisioning (command key sealed, broker
/// password only hashed), the command counter, and every command signed for it with the locker's answer.
/// </summary>
public interface ILockerLinkRepository
{
    /// <summary>
    /// Inserts or replaces the locker's credentials. The command counter is kept: a re-provisioned locker
    /// still remembers the last counter it accepted, so the gateway's must never go back.
    /// </summary>
    Task SaveCredentialsAsync(LockerCredentials credentials);

    Task<LockerCredentials?> GetCredentialsAsync(string lockerId);

    /// <summary>Adds one to the locker's command counter and returns the new value; null when it is not provisioned.</summary>
    Task<long?> NextCommandCounterAsync(string lockerId);

    Task InsertCommandAsync(LockerCommandRecord command);

    /// <summary>Stores the locker's answer to a command; false when there is no such command or it was answered already.</summary>
    Task<bool> RecordCommandResultAsync(string lockerId, string commandId, string result, string? reason, DateTimeOffset at);

    Task<IReadOnlyList<LockerCommandRecord>> ListCommandsAsync(string lockerId, int limit);

    Task<LockerCommandRecord?> GetCommandAsync(string lockerId, string commandId);

    /// <summary>The newest unlock of the door signed at or after <paramref name="since"/> that the locker has not refused or failed.</summary>
    Task<LockerCommandRecord?> FindLatestUnlockAsync(string lockerId, int compartment, DateTimeOffset since);
}
