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
/// disk does, through SQLite's own per-connection limits (PRAGMA query_only, PRAGMA max_page_count), so the error
/// codes, messages and rollbacks are SQLite's, not a mock's. Applied to each connection as the store opens it, so a
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
        // A full disk: the page limit is what the file has now, so nothing new fits; otherwise SQLite's own ceiling.
        long pageLimit = 4294967294;
        if (fault == StoreFault.DiskFull)
        {
            await using var count = connection.CreateCommand();
            count.CommandText = "PRAGMA page_count;";
            pageLimit = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }

        await using var command = connection.CreateCommand();
        command.CommandText = $"PRAGMA query_only = {(fault == StoreFault.ReadOnly ? "ON" : "OFF")}; PRAGMA max_page_count = {pageLimit};";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
