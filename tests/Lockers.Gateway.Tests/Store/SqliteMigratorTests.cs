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

    private SqliteDatabase Database() => new(Options.Create(new StoreOptions { DataDirectory = _directory.Path }));

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

    public void Dispose() => _directory.Dispose();
}
