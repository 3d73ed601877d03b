using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// The default store: one SQLite file. Each unit of work is a BEGIN IMMEDIATE transaction, so writers queue
/// (busy_timeout) instead of failing on a lock upgrade halfway through.
/// </summary>
public sealed class SqliteLockerStore(SqliteDatabase database, SqliteMigrator migrator) : ILockerStore
{
    public async Task<T> ExecuteAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await migrator.EnsureMigratedAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);
        var result = await work(new SqliteStoreTransaction(new SqliteSession(connection, transaction)));
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task<T> ReadAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await migrator.EnsureMigratedAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        // Deferred: in WAL mode a reader sees one snapshot and never waits for, or blocks, a writer.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var result = await work(new SqliteStoreTransaction(new SqliteSession(connection, transaction)));
        await transaction.RollbackAsync(cancellationToken);
        return result;
    }

    public async Task CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        await migrator.EnsureMigratedAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT MAX(version) FROM schema_version;";
        try
        {
            await command.ExecuteScalarAsync(cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw database.Explain(ex);
        }
    }
}

/// <summary>The repositories of one SQLite transaction.</summary>
internal sealed class SqliteStoreTransaction(SqliteSession session) : IStoreTransaction
{
    public IRegistryRepository Registry { get; } = new SqliteRegistryRepository(session);
    public IReservationRepository Reservations { get; } = new SqliteReservationRepository(session);
    public ICodeRepository Codes { get; } = new SqliteCodeRepository(session);
    public IClientRepository Clients { get; } = new SqliteClientRepository(session);
    public IIdempotencyRepository Idempotency { get; } = new SqliteIdempotencyRepository(session);
    public IThrottleRepository Throttle { get; } = new SqliteThrottleRepository(session);
    public ILockerEventRepository LockerEvents { get; } = new SqliteLockerEventRepository(session);
    public IAuditLog Audit { get; } = new SqliteAuditLog(session);
    public IOutbox Outbox { get; } = new SqliteOutbox(session);
    public ILockerLinkRepository LockerLink { get; } = new SqliteLockerLinkRepository(session);
    public IMonitoringRepository Monitoring { get; } = new SqliteMonitoringRepository(session);
    public IStaffRepository Staff { get; } = new SqliteStaffRepository(session);
}
