namespace Lockers.Gateway.Store;

/// <summary>
/// The store boundary every rule depends on. One call is one atomic unit of work: the work runs inside a
/// write transaction that commits when it returns and rolls back when it throws. A PostgreSQL store
/// fills the same interfaces (see docs/adr/0100-gateway-store-boundary.md).
/// </summary>
public interface ILockerStore
{
    Task<T> ExecuteAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>
    /// A read-only unit of work: a consistent snapshot that takes no write lock, so frequent checks that usually
    /// find nothing to change do not queue behind (or hold up) the writers. Anything it writes is rolled back.
    /// </summary>
    Task<T> ReadAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default);

    /// <summary>Throws when the store cannot be reached or read; used by /health.</summary>
    Task CheckHealthAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// True when <paramref name="failure"/> (thrown by a unit of work or a group commit) says the store itself cannot take
    /// the work now (read-only, full, unreachable, locked beyond its busy timeout, corrupt), as opposed to a fault of the
    /// work. Such work is to be held and tried again, never dropped (ADR 0208); the REST API answers 503.
    /// </summary>
    bool IsUnavailable(Exception failure);

    /// <summary>
    /// Opens a group commit in the calling async flow: until the group is committed or disposed, every
    /// <see cref="ExecuteAsync{T}"/> and <see cref="ReadAsync{T}"/> of this flow runs inside the group's one write
    /// transaction, and the group commits them together (one durable commit, one fsync, for all). Units of work keep
    /// their meaning except durability: nothing is durable before <see cref="IStoreGroup.CommitAsync"/>, so whatever
    /// must follow durability goes through <see cref="AfterCommitAsync"/>. A unit that throws breaks the group: later
    /// units and the commit throw <see cref="StoreGroupBrokenException"/>, and nothing of the group is written.
    /// Must be called from a synchronous context of the flow (it sets an ambient value), never concurrently in one flow.
    /// </summary>
    IStoreGroup BeginGroup();

    /// <summary>
    /// Runs <paramref name="action"/> once what this flow wrote is durable: at once outside a group commit, or
    /// after the open group committed (in the order the actions were given; dropped if the group fails).
    /// For side effects that must never run ahead of the commit: publishing a signed unlock, waking a dispatcher.
    /// </summary>
    Task AfterCommitAsync(Func<Task> action);
}

/// <summary>An open group commit (<see cref="ILockerStore.BeginGroup"/>); disposing it without committing rolls it back.</summary>
public interface IStoreGroup : IAsyncDisposable
{
    /// <summary>Units of work run in the group so far.</summary>
    int Units { get; }

    /// <summary>
    /// Commits every unit of the group at once, then runs the actions given to <see cref="ILockerStore.AfterCommitAsync"/>
    /// in order. Throws <see cref="StoreGroupBrokenException"/> when a unit failed (nothing is written).
    /// </summary>
    Task CommitAsync(CancellationToken cancellationToken = default);
}

/// <summary>The repositories of one transaction; valid only inside <see cref="ILockerStore.ExecuteAsync{T}"/>.</summary>
public interface IStoreTransaction
{
    IRegistryRepository Registry { get; }
    IReservationRepository Reservations { get; }
    ICodeRepository Codes { get; }
    IClientRepository Clients { get; }
    IIdempotencyRepository Idempotency { get; }
    IThrottleRepository Throttle { get; }
    IGuardRepository Guard { get; }
    ILockerEventRepository LockerEvents { get; }
    IAuditLog Audit { get; }
    IOutbox Outbox { get; }
    ILockerLinkRepository LockerLink { get; }
    IMonitoringRepository Monitoring { get; }
    IStaffRepository Staff { get; }
    ICourierRepository Couriers { get; }
    IRoundRepository Rounds { get; }
    ICodeCacheRepository CodeCaches { get; }
}

public static class LockerStoreExtensions
{
    public static Task ExecuteAsync(this ILockerStore store, Func<IStoreTransaction, Task> work, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx => { await work(tx); return true; }, cancellationToken);
}
