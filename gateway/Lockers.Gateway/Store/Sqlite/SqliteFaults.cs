using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Store.Sqlite;

/// <summary>The store failures a test can switch on (<see cref="SqliteFaults"/>).</summary>
public enum StoreFault
{
    None,
    /// <summary>Every write fails as on a read-only file: SQLITE_READONLY, "attempt to write a readonly database".</summary>
    ReadOnly,
    /// <summary>Every write that needs a new page fails as on a full disk: SQLITE_FULL, "database or disk is full".</summary>
    DiskFull,
}

/// <summary>
/// Tests only (Store:FaultInjection): makes the real SQLite database refuse writes the way a read-only file or a full
/// disk does, through SQLite's own per-connection limits (PRAGMA query_only; PRAGMA max_page_count with TEMP triggers
/// that make writes need new pages), so the error codes, messages and rollbacks are SQLite's, not a mock's. Applied to each connection as the store opens it, so a
/// change takes effect at the next unit of work. Without root no test can mount a small file system or make a file
/// read-only for the gateway's own process (root ignores file modes), hence this.
/// </summary>
public sealed class SqliteFaults
{
    private volatile StoreFault _fault;

    public StoreFault Fault
    {
        get => _fault;
        set => _fault = value;
    }

    internal async Task ApplyAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        var fault = _fault;
        await ExecuteAsync(connection, $"PRAGMA query_only = {(fault == StoreFault.ReadOnly ? "ON" : "OFF")}; PRAGMA max_page_count = 4294967294;",
            cancellationToken);
        var sql = new System.Text.StringBuilder();
        if (fault == StoreFault.DiskFull)
        {
            // A full disk refuses whatever needs a new page: the page limit becomes the file's size, and every write to
            // any table also tries to store 64 KB (TEMP triggers, this connection only), which always needs new pages.
            // Without them a small insert that fits a page's free space would go through, and a test would depend on luck.
            await ExecuteAsync(connection, "CREATE TABLE IF NOT EXISTS main.fault_ballast (b BLOB);", cancellationToken);
            foreach (var table in await TablesAsync(connection, cancellationToken))
            {
                foreach (var operation in Operations)
                {
                    sql.Append($"CREATE TEMP TRIGGER IF NOT EXISTS fault_full_{table}_{operation} AFTER {operation} ON main.{table}")
                        .Append(" BEGIN INSERT INTO main.fault_ballast VALUES (zeroblob(65536)); END; ");
                }
            }

            await using var count = connection.CreateCommand();
            count.CommandText = "PRAGMA page_count;";
            sql.Append($"PRAGMA max_page_count = {(long)(await count.ExecuteScalarAsync(cancellationToken))!};");
        }
        else
        {
            await using var triggers = connection.CreateCommand();
            triggers.CommandText = "SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND name LIKE 'fault_full_%';";
            await using var reader = await triggers.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                sql.Append($"DROP TRIGGER IF EXISTS temp.{reader.GetString(0)}; ");
            }
        }

        if (sql.Length > 0)
        {
            await ExecuteAsync(connection, sql.ToString(), cancellationToken);
        }
    }

    private static readonly string[] Operations = ["INSERT", "UPDATE", "DELETE"];

    private static async Task<List<string>> TablesAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'fault_ballast';";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var tables = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            tables.Add(reader.GetString(0));
        }

        return tables;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
