using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Store.Sqlite;

/// <summary>Opens connections to the one database file with the settings every connection needs.</summary>
public sealed class SqliteDatabase(IOptions<StoreOptions> options, SqliteFaults faults)
{
    private readonly StoreOptions _options = options.Value;

    public string Path => _options.DatabasePath;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(Path)!);
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = Math.Max(1, _options.BusyTimeoutMs / 1000),
        }.ToString();
        var connection = new SqliteConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            // Per connection: wait for another writer instead of failing at once.
            await using var pragma = connection.CreateCommand();
            pragma.CommandText = $"PRAGMA busy_timeout = {_options.BusyTimeoutMs};";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
            if (_options.FaultInjection)
            {
                await faults.ApplyAsync(connection, cancellationToken);
            }

            return connection;
        }
        catch (SqliteException ex)
        {
            await connection.DisposeAsync();
            throw Explain(ex);
        }
    }

    /// <summary>Turns "file is not a database" and friends into a message an operator can act on.</summary>
    public Exception Explain(SqliteException ex) => ex.SqliteErrorCode switch
    {
        26 or 11 => new StoreUnavailableException(
            $"The database file '{Path}' is not a readable SQLite database ({ex.Message.TrimEnd('.')}). " +
            "It is corrupt or not a Lockers database: restore it from a backup, or move it aside to start empty.", ex),
        14 or 23 or 8 => new StoreUnavailableException(
            $"The database file '{Path}' cannot be opened for writing ({ex.Message.TrimEnd('.')}). " +
            "Check that Store:DataDirectory exists and this user may write there.", ex),
        _ => ex,
    };
}
