using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>
/// The real gateway (TestServer, SQLite in a temp directory, fake clock) with the test site imported, the
/// periodic evaluator off (tests call EvaluateAllAsync) and a fake locker link that records commands.
/// </summary>
public sealed class MonitoringGateway : IAsyncDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Factory _factory;

    private MonitoringGateway(IReadOnlyDictionary<string, string?> settings)
    {
        _factory = new Factory(_directory.Path, Time, Commands, settings);
    }

    public FakeTimeProvider Time { get; } = new();
    public FakeLockerCommandSender Commands { get; } = new();
    public WebApplicationFactory<Program> App => _factory;
    public LockerHealthService Health => Service<LockerHealthService>();

    public static async Task<MonitoringGateway> StartAsync(IReadOnlyDictionary<string, string?>? settings = null)
    {
        var gateway = new MonitoringGateway(settings ?? new Dictionary<string, string?>());
        await gateway.Service<RegistryService>().ImportAsync(GatewayFixture.TestSite, "test");
        return gateway;
    }

    public T Service<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    /// <summary>A browser-like client: https (so secure cookies travel), cookies kept, no redirects followed.</summary>
    public HttpClient CreateClient() => _factory.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = new Uri("https://localhost"),
        AllowAutoRedirect = false,
    });

    /// <summary>The scrape token the test gateway is configured with (Metrics:ScrapeToken).</summary>
    public const string ScrapeToken = "test-scrape-token-0123456789abcdefghijklmn";

    /// <summary>A client that scrapes /metrics as Prometheus would, with the bearer token.</summary>
    public HttpClient CreateScrapeClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", ScrapeToken);
        return client;
    }

    public Task AddStaffAsync(string user, StaffRole role, string password = StaffClient.Password) =>
        Service<StaffService>().SaveAsync(user, role, password, "test");

    /// <summary>The locker said hello: online, with healthy telemetry.</summary>
    public async Task BringOnlineAsync(string lockerId = "test-a")
    {
        await Health.OnStatusAsync(lockerId, true, "0.1.0", Time.GetUtcNow());
        await Health.OnTelemetryAsync(lockerId, Telemetry(), Time.GetUtcNow());
    }

    public static Core.Protocol.TelemetryPayload Telemetry(int supplyMv = 12_000, double temperatureC = 21.5) => new()
    {
        UptimeMs = 60_000, FreeMemoryBytes = 81_000, SignalDbm = -60, SupplyMv = supplyMv, TemperatureC = temperatureC,
        Firmware = "0.1.0", JournalDepth = 0, DroppedEvents = 0,
    };

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _directory.Dispose();
    }

    private sealed class Factory(string dataDirectory, FakeTimeProvider time, FakeLockerCommandSender commands,
        IReadOnlyDictionary<string, string?> settings) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Store:DataDirectory", dataDirectory);
            builder.UseSetting("Codes:Pepper", GatewayFactory.TestPepper);
            builder.UseSetting("Expiry:Enabled", "false");
            builder.UseSetting("Monitoring:EvaluatorEnabled", "false");
            builder.UseSetting("Staff:PasswordIterations", "100000"); // the minimum: tests sign in often
            builder.UseSetting("Metrics:ScrapeToken", ScrapeToken);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.AddSingleton<ILockerCommandSender>(commands);
            });
        }
    }
}
