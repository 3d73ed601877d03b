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
    ILockerEventRepository LockerEvents { get; }
    IAuditLog Audit { get; }
    IOutbox Outbox { get; }
    ILockerLinkRepository LockerLink { get; }
    IMonitoringRepository Monitoring { get; }
    IStaffRepository Staff { get; }
}

public static class LockerStoreExtensions
{
    public static Task ExecuteAsync(this ILockerStore store, Func<IStoreTransaction, Task> work, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx => { await work(tx); return true; }, cancellationToken);
}
