using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// The default store: one SQLite file. Each unit of work is a BEGIN IMMEDIATE transaction, so writers queue
/// (busy_timeout) instead of failing on a lock upgrade halfway through. Whether writes go through is reported to
/// <see cref="StoreAvailability"/>: a write that fails because the store is unavailable starts an outage, the next
/// commit ends it (ADR 0208).
/// </summary>
public sealed class SqliteLockerStore(SqliteDatabase database, SqliteMigrator migrator, StoreAvailability availability) : ILockerStore
{
    // SQLite primary result codes that mean the database cannot take the work now, whatever the work:
    // BUSY, LOCKED, NOMEM, READONLY, IOERR, CORRUPT, FULL, CANTOPEN, PROTOCOL, NOTADB. The rest (a constraint, a misuse)
    // is a fault of the work and would fail again the same way.
    private static readonly int[] UnavailableCodes = [5, 6, 7, 8, 10, 11, 13, 14, 15, 26];

    // The open group commit of the current async flow, if any (ILockerStore.BeginGroup).
    private readonly AsyncLocal<SqliteStoreGroup?> _group = new();

    public async Task<T> ExecuteAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (_group.Value is { IsOpen: true } group)
        {
            return await group.RunAsync(work, readOnly: false, cancellationToken);
        }

        try
        {
            await migrator.EnsureMigratedAsync(cancellationToken);
            await using var connection = await database.OpenAsync(cancellationToken);
            var changesBefore = TotalChanges(connection);
            await using var transaction = connection.BeginTransaction(deferred: false);
            T result;
            await using (var session = new SqliteSession(connection, transaction, reuseCommands: true))
            {
                result = await work(new SqliteStoreTransaction(session));
            }

            await transaction.CommitAsync(cancellationToken);
            if (TotalChanges(connection) != changesBefore)
            {
                availability.ReportWritten();
            }

            return result;
        }
        catch (Exception ex) when (IsUnavailable(ex))
        {
            availability.ReportFailure(ex);
            throw;
        }
    }

    /// <summary>Rows changed on this connection so far: a commit that changed none proves nothing about writes (a unit that only read).</summary>
    private static int TotalChanges(SqliteConnection connection) => SQLitePCL.raw.sqlite3_total_changes(connection.Handle);

    public bool IsUnavailable(Exception failure)
    {
        for (var ex = failure; ex is not null; ex = ex.InnerException)
        {
            switch (ex)
            {
                case StoreUnavailableException:
                case IOException:
                case SqliteException sqlite when UnavailableCodes.Contains(sqlite.SqliteErrorCode):
                    return true;
            }
        }

        return false;
    }

    public async Task<T> ReadAsync<T>(Func<IStoreTransaction, Task<T>> work, CancellationToken cancellationToken = default)
    {
        if (_group.Value is { IsOpen: true } group)
        {
            // Inside a group a read sees the group's own writes, as it would see them committed outside one.
            return await group.RunAsync(work, readOnly: true, cancellationToken);
        }

        await migrator.EnsureMigratedAsync(cancellationToken);
        await using var connection = await database.OpenAsync(cancellationToken);
        // Deferred: in WAL mode a reader sees one snapshot and never waits for, or blocks, a writer.
        await using var transaction = connection.BeginTransaction(deferred: true);
        T result;
        await using (var session = new SqliteSession(connection, transaction, reuseCommands: true))
        {
            result = await work(new SqliteStoreTransaction(session));
        }

        await transaction.RollbackAsync(cancellationToken);
        return result;
    }

    public IStoreGroup BeginGroup()
    {
        if (_group.Value is { IsOpen: true })
        {
            throw new InvalidOperationException("A group commit is already open in this flow; groups do not nest.");
        }

        var group = new SqliteStoreGroup(this, database, migrator, availability);
        _group.Value = group;
        return group;
    }

    public Task AfterCommitAsync(Func<Task> action)
    {
        if (_group.Value is { IsOpen: true } group)
        {
            group.Defer(action);
            return Task.CompletedTask;
        }

        return action();
    }

    /// <summary>Called by a group as it closes; the ambient value is only cleared in the flow that opened it.</summary>
    private void Leave(SqliteStoreGroup group)
    {
        if (ReferenceEquals(_group.Value, group))
        {
            _group.Value = null;
        }
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

    /// <summary>
    /// One BEGIN IMMEDIATE transaction shared by the units of work of a group, opened at the first unit (a group
    /// that ran none costs nothing). Units run one at a time; a failing one marks the group broken instead of
    /// being rolled back alone, so no caller that catches and carries on can get half a unit committed.
    /// </summary>
    private sealed class SqliteStoreGroup(SqliteLockerStore store, SqliteDatabase database, SqliteMigrator migrator, StoreAvailability availability)
        : IStoreGroup
    {
        private readonly SemaphoreSlim _gate = new(1, 1);
        private readonly List<Func<Task>> _afterCommit = [];
        private SqliteConnection? _connection;
        private SqliteTransaction? _transaction;
        private SqliteSession? _session; // one for all units, so they share prepared statements
        private Exception? _broken;
        private bool _closed;
        private int _changesBefore;

        public bool IsOpen => !_closed;

        public int Units { get; private set; }

        public void Defer(Func<Task> action) => _afterCommit.Add(action);

        public async Task<T> RunAsync<T>(Func<IStoreTransaction, Task<T>> work, bool readOnly, CancellationToken cancellationToken)
        {
            // One unit at a time and never one inside another: outside a group a nested write would wait for the
            // outer one's lock too, so this only turns a hang into an error.
            if (!_gate.Wait(0, CancellationToken.None))
            {
                throw new InvalidOperationException("A unit of work of this group is already running; units of a group run one after another.");
            }

            try
            {
                ThrowIfBroken();
                try
                {
                    if (_transaction is null)
                    {
                        await migrator.EnsureMigratedAsync(cancellationToken);
                        _connection = await database.OpenAsync(cancellationToken);
                        _changesBefore = TotalChanges(_connection);
                        _transaction = _connection.BeginTransaction(deferred: false);
                        _session = new SqliteSession(_connection, _transaction, reuseCommands: true);
                    }

                    Units++;
                    var session = _session!;
                    if (!readOnly)
                    {
                        return await work(new SqliteStoreTransaction(session));
                    }

                    // A read's accidental writes are undone, as ReadAsync promises outside a group.
                    await session.ExecuteAsync("SAVEPOINT group_read;");
                    var result = await work(new SqliteStoreTransaction(session));
                    await session.ExecuteAsync("ROLLBACK TO group_read; RELEASE group_read;");
                    return result;
                }
                catch (Exception ex)
                {
                    _broken = ex;
                    if (store.IsUnavailable(ex))
                    {
                        availability.ReportFailure(ex);
                    }

                    throw;
                }
            }
            finally
            {
                _gate.Release();
            }
        }

        public async Task CommitAsync(CancellationToken cancellationToken = default)
        {
            if (!_gate.Wait(0, CancellationToken.None))
            {
                throw new InvalidOperationException("A unit of work of this group is still running.");
            }

            try
            {
                ThrowIfBroken();
                if (_closed)
                {
                    throw new InvalidOperationException("The group is already committed.");
                }

                if (_transaction is not null)
                {
                    try
                    {
                        await _session!.DisposeAsync();
                        await _transaction.CommitAsync(cancellationToken);
                        if (TotalChanges(_connection!) != _changesBefore)
                        {
                            availability.ReportWritten();
                        }
                    }
                    catch (Exception ex)
                    {
                        _broken = ex;
                        if (store.IsUnavailable(ex))
                        {
                            availability.ReportFailure(ex);
                        }

                        throw new StoreGroupBrokenException($"The group commit of {Units} units failed: {ex.Message}", ex);
                    }
                }

                // From here this flow's units of work are ordinary ones again, also inside the actions below.
                _closed = true;
            }
            finally
            {
                _gate.Release();
            }

            List<Exception>? failures = null;
            foreach (var action in _afterCommit)
            {
                try
                {
                    await action();
                }
                catch (Exception ex)
                {
                    (failures ??= []).Add(ex);
                }
            }

            _afterCommit.Clear();
            if (failures is not null)
            {
                throw new AfterCommitActionsFailedException(failures);
            }
        }

        /// <summary>Not async up to the ambient reset, so the reset happens in the opener's flow.</summary>
        public ValueTask DisposeAsync()
        {
            store.Leave(this);
            _closed = true;
            _afterCommit.Clear();
            return CloseAsync();
        }

        private async ValueTask CloseAsync()
        {
            if (_session is not null)
            {
                await _session.DisposeAsync();
                _session = null;
            }

            // Not committed: DisposeAsync of an open transaction rolls it back.
            if (_transaction is not null)
            {
                await _transaction.DisposeAsync();
                _transaction = null;
            }

            if (_connection is not null)
            {
                await _connection.DisposeAsync();
                _connection = null;
            }
        }

        private void ThrowIfBroken()
        {
            if (_broken is not null)
            {
                throw new StoreGroupBrokenException($"An earlier unit of this group failed ({_broken.Message}); the group must be redone.", _broken);
            }
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
    public IGuardRepository Guard { get; } = new SqliteGuardRepository(session);
    public ILockerEventRepository LockerEvents { get; } = new SqliteLockerEventRepository(session);
    public IAuditLog Audit { get; } = new SqliteAuditLog(session);
    public IOutbox Outbox { get; } = new SqliteOutbox(session);
    public ILockerLinkRepository LockerLink { get; } = new SqliteLockerLinkRepository(session);
    public IMonitoringRepository Monitoring { get; } = new SqliteMonitoringRepository(session);
    public IStaffRepository Staff { get; } = new SqliteStaffRepository(session);
    public ICourierRepository Couriers { get; } = new SqliteCourierRepository(session);
    public IRoundRepository Rounds { get; } = new SqliteRoundRepository(session);
    public ICodeCacheRepository CodeCaches { get; } = new SqliteCodeCacheRepository(session);
}
