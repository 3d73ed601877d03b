using System.Net;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Staff;
using Lockers.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lockers.Dashboard.Tests.Support;

/// <summary>
/// The real gateway on real Kestrel (HTTPS on 127.0.0.1, a free port) so a browser can reach it, over SQLite in a temp
/// directory, with a fake clock and the in-process <see cref="SimulatedLockerLink"/>. Site "dash-site":
/// locker "dash-a" with six compartments in two columns of three.
/// </summary>
public sealed class DashboardGateway : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";
    public const string LockerId = "dash-a";

    private readonly string _directory = Directory.CreateTempSubdirectory("lockers-dashboard-tests-").FullName;
    private readonly Factory _factory;
    private readonly System.Security.Cryptography.X509Certificates.X509Certificate2 _certificate = SelfSignedCertificate.ForLoopback();

    private DashboardGateway()
    {
        _factory = new Factory(_directory, Time, Link);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(_certificate)));
        _factory.StartServer();
        Link.Attach(Service<LockerHealthFeed>());
        var addresses = Service<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        BaseUrl = addresses.Single().TrimEnd('/');
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public SimulatedLockerLink Link { get; } = new();
    public string BaseUrl { get; }

    public T Service<T>() where T : notnull => _factory.Services.GetRequiredService<T>();

    public static async Task<DashboardGateway> StartAsync()
    {
        var gateway = new DashboardGateway();
        await gateway.Service<RegistryService>().ImportAsync(Site, "test");
        await gateway.Service<StaffService>().SaveAsync("mia", StaffRole.Maintenance, Password, "test");
        await gateway.Service<StaffService>().SaveAsync("vic", StaffRole.Viewer, Password, "test");
        await gateway.Link.PublishAsync(LockerId, new Core.Protocol.StatusPayload { State = Core.Protocol.StatusStates.Online, Firmware = "0.1.0", BootCount = 3 });
        await gateway.Link.PublishAsync(LockerId, Telemetry(12_100, 21.0));
        gateway.Time.Advance(TimeSpan.FromSeconds(60));
        await gateway.Link.PublishAsync(LockerId, Telemetry(12_000, 22.5));
        return gateway;
    }

    public static SiteDefinition Site => new(
        new Site("dash-site", "Dashboard test site"),
        [new Locker(LockerId, "dash-site", "Station A")],
        Enumerable.Range(1, 6).Select(n => new Compartment(LockerId, n, n <= 2 ? CompartmentSize.M : CompartmentSize.S,
            (n - 1) / 3, (n - 1) % 3, Accessible: n == 1)).ToList());

    public static Core.Protocol.TelemetryPayload Telemetry(int supplyMv, double temperatureC) => new()
    {
        UptimeMs = 3_600_000, FreeMemoryBytes = 81_000, SignalDbm = -61, SupplyMv = supplyMv, TemperatureC = temperatureC,
        Firmware = "0.1.0", JournalDepth = 0, DroppedEvents = 0,
    };

    public async ValueTask DisposeAsync()
    {
        await _factory.DisposeAsync();
        _certificate.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    private sealed class Factory(string dataDirectory, FakeTimeProvider time, SimulatedLockerLink link) : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Store:DataDirectory", dataDirectory);
            builder.UseSetting("Codes:Pepper", "dashboard-test-pepper-0123456789abcdefghijklmnop");
            builder.UseSetting("Expiry:Enabled", "false");
            builder.UseSetting("Monitoring:EvaluatorEnabled", "false");
            builder.UseSetting("Staff:PasswordIterations", "100000");
            builder.ConfigureTestServices(services =>
            {
                services.AddSingleton<TimeProvider>(time);
                services.AddSingleton<ILockerCommandSender>(link);
            });
        }
    }
}
