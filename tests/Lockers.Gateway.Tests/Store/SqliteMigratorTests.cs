using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;
using Lockers.Gateway.Store.Sqlite;
using Lockers.Gateway.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Tests.Store;

public class SqliteMigratorTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    private SqliteMigrator Migrator() =>
        new(Database(), NullLogger<SqliteMigrator>.Instance, new FakeTimeProvider());

    private SqliteDatabase Database() => new(Options.Create(new StoreOptions { DataDirectory = _directory.Path }), new SqliteFaults(), NullLogger<SqliteDatabase>.Instance);

    private async Task<T> ScalarAsync<T>(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_directory.File("lockers.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (T)Convert.ChangeType((await command.ExecuteScalarAsync())!, typeof(T));
    }

    [Fact]
    public async Task Migrate_EmptyDirectory_CreatesLatestSchemaInWalMode()
    {
        var applied = await Migrator().MigrateAsync();

        Assert.Equal(SqliteMigrations.All.Count, applied);
        Assert.Equal(SqliteMigrations.Latest, await ScalarAsync<long>("SELECT MAX(version) FROM schema_version;"));
        Assert.Equal("wal", await ScalarAsync<string>("PRAGMA journal_mode;"));
        Assert.Equal(1L, await ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'reservations';"));
    }

    [Fact]
    public async Task Migrate_RunTwice_SecondRunAppliesNothing()
    {
        await Migrator().MigrateAsync();

        var applied = await Migrator().MigrateAsync();

        Assert.Equal(0, applied);
        Assert.Equal(SqliteMigrations.All.Count, await ScalarAsync<long>("SELECT COUNT(*) FROM schema_version;"));
    }

    [Fact]
    public async Task Migrate_DatabaseFromNewerGateway_IsRefusedWithClearMessage()
    {
        await Migrator().MigrateAsync();
        await ScalarAsync<long>($"INSERT INTO schema_version (version, description, applied_at) VALUES ({SqliteMigrations.Latest + 1}, 'future', 0); SELECT 1;");

        var error = await Assert.ThrowsAsync<StoreVersionTooNewException>(() => Migrator().MigrateAsync());

        Assert.Equal(SqliteMigrations.Latest + 1, error.FoundVersion);
        Assert.Contains("newer gateway", error.Message);
    }

    [Fact]
    public async Task Migrate_CorruptFile_GivesClearError()
    {
        await File.WriteAllBytesAsync(_directory.File("lockers.db"), Enumerable.Range(0, 8192).Select(i => (byte)(i * 7)).ToArray());

        var error = await Assert.ThrowsAsync<StoreUnavailableException>(() => Migrator().MigrateAsync());

        Assert.Contains("not a readable SQLite database", error.Message);
        Assert.Contains("restore it from a backup", error.Message);
    }

    [Fact]
    public async Task Store_ForeignKeysAndBusyTimeout_AreOnForEveryConnection()
    {
        await Migrator().MigrateAsync();
        await using var connection = await Database().OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();

        command.CommandText = "PRAGMA foreign_keys;";
        Assert.Equal(1L, await command.ExecuteScalarAsync());
        command.CommandText = "PRAGMA busy_timeout;";
        Assert.Equal(5000L, await command.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Migrate_Version4WithRowsInTheOldAlarmsTable_KeepsEveryRowInTheOneAlarmTable()
    {
        await CreateAtVersionAsync(4);
        await ExecuteAsync("""
            INSERT INTO alarms (at, kind, site_id, locker_id, compartment, detail) VALUES
                (1000, 'door_jammed', NULL, 'a', 3, 'the door did not open'),
                (2000, 'keypad_brute_force', 's', 'a', NULL, 'keypad kp-1: 5 failed codes in a row'),
                (3000, 'door_opened_unexpectedly', NULL, 'b', 1, 'door opened with no code accepted for it'),
                (4000, 'command_refused', 's', 'a', NULL, 'command c-1 refused: bad_signature'),
                (5000, 'door_jammed', NULL, 'a', 3, 'the door did not open');
            """);

        var applied = await Migrator().MigrateAsync();

        Assert.Equal(SqliteMigrations.Latest - 4, applied);
        Assert.Equal(0L, await ScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE name = 'alarms';"));
        var rows = await QueryAsync("""
            SELECT kind, severity, COALESCE(site_id, '-'), locker_id, COALESCE(compartment, 0), detail,
                   first_seen, last_seen, occurrences, cleared_at, acknowledged_by IS NULL
            FROM monitoring_alarms ORDER BY id;
            """);
        Assert.Equal(
        [
            "door_jammed 2 - a 3 the door did not open 1000 1000 1 1000 1",
            "pin_throttle 2 s a 0 [keypad_brute_force] keypad kp-1: 5 failed codes in a row 2000 2000 1 2000 1",
            "door_forced 3 - b 1 [door_opened_unexpectedly] door opened with no code accepted for it 3000 3000 1 3000 1",
            "command_refused 3 s a 0 command c-1 refused: bad_signature 4000 4000 1 4000 1",
            "door_jammed 2 - a 3 the door did not open 5000 5000 1 5000 1",
        ], rows);
        // Severities as the one list has them, and every kind one of its kinds.
        Assert.All(rows, row => Assert.Equal((int)AlarmKinds.SeverityOf(row.Split(' ')[0]), int.Parse(row.Split(' ')[1])));
    }

    /// <summary>A database as a gateway of schema <paramref name="version"/> left it.</summary>
    private async Task CreateAtVersionAsync(int version)
    {
        await ExecuteAsync("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, description TEXT NOT NULL, applied_at INTEGER NOT NULL);");
        foreach (var migration in SqliteMigrations.All.Where(m => m.Version <= version))
        {
            await ExecuteAsync(migration.Sql);
            await ExecuteAsync($"INSERT INTO schema_version (version, description, applied_at) VALUES ({migration.Version}, 'test', 0);");
        }
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_directory.File("lockers.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Each row's columns joined by spaces.</summary>
    private async Task<List<string>> QueryAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={_directory.File("lockers.db")}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
        {
            rows.Add(string.Join(' ', Enumerable.Range(0, reader.FieldCount).Select(i => Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))));
        }

        return rows;
    }

    public void Dispose() => _directory.Dispose();
}
