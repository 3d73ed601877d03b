namespace Lockers.Gateway.Store;

/// <summary>The store cannot be used as it is; the message says what to do. Start-up stops on it.</summary>
public class StoreUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>The database was written by a newer gateway: running older code over it could lose data.</summary>
public sealed class StoreVersionTooNewException(int found, int supported)
    : StoreUnavailableException(
        $"The database schema version is {found} but this gateway knows versions up to {supported}. " +
        "It was written by a newer gateway: upgrade this gateway, or restore a backup taken before the upgrade.")
{
    public int FoundVersion { get; } = found;
}

/// <summary>A unit of work of an open group commit failed, so the whole group is rolled back and must be redone.</summary>
public sealed class StoreGroupBrokenException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>A group commit did commit, but actions given to <see cref="ILockerStore.AfterCommitAsync"/> threw (all of them ran).</summary>
public sealed class AfterCommitActionsFailedException(IEnumerable<Exception> failures)
    : AggregateException("Actions after a group commit failed; the group itself is committed", failures);
