using Lockers.Gateway.Settings;
using Lockers.Gateway.Store.Sqlite;

namespace Lockers.Gateway.Store;

public static class StoreSetup
{
    public static WebApplicationBuilder AddStore(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<StoreOptions, StoreOptionsValidator>();
        builder.Services.AddSingleton<StoreAvailability>();
        builder.Services.AddSingleton<SqliteFaults>();
        builder.Services.AddSingleton<SqliteDatabase>();
        builder.Services.AddSingleton<SqliteMigrator>();
        builder.Services.AddSingleton<ILockerStore, SqliteLockerStore>();
        builder.Services.AddExceptionHandler<StoreUnavailableHandler>();
        // First hosted service: migrations run (or start-up stops with their message) before anything else starts.
        builder.Services.AddHostedService<StoreStartup>();
        return builder;
    }
}

/// <summary>Applies migrations at start-up so a bad or too-new database stops the gateway before it serves anything.</summary>
public sealed class StoreStartup(SqliteMigrator migrator) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => migrator.EnsureMigratedAsync(cancellationToken);

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
