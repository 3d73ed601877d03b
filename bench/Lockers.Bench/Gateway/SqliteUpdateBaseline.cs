using System.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Lockers.Bench.Gateway;

/// <summary>
/// The pickup baseline: committed single-row UPDATE transactions per second on a SQLite file set up as the
/// gateway's store sets up its own (WAL, foreign keys, pooled connections, busy_timeout per connection, one
/// connection and one BEGIN IMMEDIATE transaction per unit of work, default synchronous). What the disk and SQLite
/// allow one writer on this machine: a unit of work of the gateway cannot commit faster than this.
/// </summary>
public static class SqliteUpdateBaseline
{
    public static async Task<double> MeasureAsync(string directory, TimeSpan duration)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(directory, "baseline.db"),
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 5,
        }.ToString();
        await using (var setup = new SqliteConnection(connectionString))
        {
            await setup.OpenAsync();
            await using var command = setup.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL; CREATE TABLE counters (id INTEGER PRIMARY KEY, value INTEGER NOT NULL); INSERT INTO counters VALUES (1, 0);";
            await command.ExecuteNonQueryAsync();
        }

        long count = 0;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < duration)
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync();
            await using (var pragma = connection.CreateCommand())
            {
                pragma.CommandText = "PRAGMA busy_timeout = 5000;";
                await pragma.ExecuteNonQueryAsync();
            }

            await using var transaction = connection.BeginTransaction(deferred: false);
            await using (var update = connection.CreateCommand())
            {
                update.Transaction = transaction;
                update.CommandText = "UPDATE counters SET value = value + 1 WHERE id = 1;";
                await update.ExecuteNonQueryAsync();
            }

            await transaction.CommitAsync();
            count++;
        }

        var rate = count / clock.Elapsed.TotalSeconds;
        SqliteConnection.ClearAllPools();
        return rate;
    }
}
