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

    /// <summary>Replaces the readers the locker was provisioned with (its keypad and scanner ids).</summary>
    Task SaveReadersAsync(string lockerId, IReadOnlyList<ProvisionedReader> readers);

    /// <summary>The readers the locker was provisioned with; empty when it never was.</summary>
    Task<IReadOnlyList<ProvisionedReader>> ListReadersAsync(string lockerId);

    /// <summary>Adds one to the locker's command counter and returns the new value; null when it is not provisioned.</summary>
    Task<long?> NextCommandCounterAsync(string lockerId);

    Task InsertCommandAsync(LockerCommandRecord command);

    /// <summary>
    /// Stores the locker's answer to a command; false when there is no such command or it was answered already. An answer
    /// replaces the gateway's own failed/no_answer: what the locker says it did is the truth.
    /// </summary>
    Task<bool> RecordCommandResultAsync(string lockerId, string commandId, string result, string? reason, DateTimeOffset at);

    /// <summary>
    /// Marks commands without a result whose expiry is before <paramref name="expiredBefore"/> failed with reason no_answer, at
    /// most <paramref name="limit"/>; returns them as they are now.
    /// </summary>
    Task<IReadOnlyList<LockerCommandRecord>> FailUnansweredAsync(DateTimeOffset expiredBefore, DateTimeOffset at, int limit);

    Task<IReadOnlyList<LockerCommandRecord>> ListCommandsAsync(string lockerId, int limit);

    Task<LockerCommandRecord?> GetCommandAsync(string lockerId, string commandId);

    /// <summary>The newest unlock of the door signed at or after <paramref name="since"/> that the locker has not refused or failed.</summary>
    Task<LockerCommandRecord?> FindLatestUnlockAsync(string lockerId, int compartment, DateTimeOffset since);

    // The numbering of each locker's events (ADR 0207): Link/EventSequencer is the only caller.

    /// <summary>The sequence of (locker, epoch), or null before its first event.</summary>
    Task<EventSequence?> GetSequenceAsync(string lockerId, string epoch);

    /// <summary>The epoch of the locker's most recently started sequence, or null when none has started.</summary>
    Task<string?> GetLatestEpochAsync(string lockerId);

    /// <summary>Inserts or replaces the sequence row.</summary>
    Task SaveSequenceAsync(EventSequence sequence, DateTimeOffset at);

    /// <summary>
    /// The common case in one statement: when <paramref name="seq"/> is the next of an existing sequence, moves
    /// applied_through to it (closing a gap it ends) and returns true; false changes nothing.
    /// </summary>
    Task<bool> TryAdvanceSequenceAsync(string lockerId, string epoch, long seq, DateTimeOffset at);

    /// <summary>Records the event as applied with the SHA-256 of its payload; false when its identity was recorded before.</summary>
    Task<bool> InsertAppliedEventAsync(string lockerId, string epoch, long seq, byte[] digest, DateTimeOffset at);

    /// <summary>The applied event of that identity, or null when it was never applied (or declared lost).</summary>
    Task<AppliedEventRecord?> GetAppliedEventAsync(string lockerId, string epoch, long seq);

    Task InsertConflictAsync(EventConflict conflict);

    /// <summary>The locker's conflicting events, newest first.</summary>
    Task<IReadOnlyList<EventConflict>> ListConflictsAsync(string lockerId, int limit);
}
