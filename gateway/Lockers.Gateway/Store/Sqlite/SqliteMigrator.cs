using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// Brings the database to <see cref="SqliteMigrations.Latest"/>: pending migrations run in one transaction,
/// each recorded in schema_version; a database newer than the code is refused. Runs once per process.
/// </summary>
public sealed class SqliteMigrator(SqliteDatabase database, ILogger<SqliteMigrator> logger, TimeProvider time)
{
    private readonly object _gate = new();
    private Task? _migration;

    public Task EnsureMigratedAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            // A failed attempt is retried next time rather than cached forever.
            if (_migration is null || _migration.IsFaulted || _migration.IsCanceled)
            {
                _migration = MigrateAsync(cancellationToken);
            }
            return _migration;
        }
    }

    /// <returns>The number of migrations applied (0 when already current).</returns>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        try
        {
            return await MigrateAsync(connection, cancellationToken);
        }
        catch (SqliteException ex)
        {
            throw database.Explain(ex);
        }
    }

    private async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var session = new SqliteSession(connection, null);
        // WAL lets readers run beside the one writer; the setting is stored in the file.
        await session.ScalarAsync("PRAGMA journal_mode = WAL;");
        await session.ExecuteAsync("""
            CREATE TABLE IF NOT EXISTS schema_version (
                version     INTEGER PRIMARY KEY,
                description TEXT NOT NULL,
                applied_at  INTEGER NOT NULL
            );
            """);

        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var tx = new SqliteSession(connection, transaction);
        var current = Convert.ToInt32(await tx.ScalarAsync("SELECT COALESCE(MAX(version), 0) FROM schema_version;"));
        if (current > SqliteMigrations.Latest)
        {
            throw new StoreVersionTooNewException(current, SqliteMigrations.Latest);
        }

        var pending = SqliteMigrations.All.Where(m => m.Version > current).ToList();
        foreach (var migration in pending)
        {
            logger.LogInformation("Applying schema migration {Version}: {Description}", migration.Version, migration.Description);
            await tx.ExecuteAsync(migration.Sql);
            await tx.ExecuteAsync(
                "INSERT INTO schema_version (version, description, applied_at) VALUES ($v, $d, $t);",
                ("$v", migration.Version), ("$d", migration.Description), ("$t", SqliteValues.Time(time.GetStoreNow())));
        }
        await transaction.CommitAsync(cancellationToken);
        return pending.Count;
    }
}
