using Lockers.Core.Board;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Lockers.Core.Config;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Store;
using Lockers.Simulator.Locker;
using Lockers.Testing;
using Lockers.Testing.Mosquitto;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using BoardLoader = Lockers.Core.Board.BoardLoader;

namespace Lockers.Dashboard.Tests.Support;

/// <summary>
/// The whole system for one browser test, on real parts: Mosquitto run from the shipped configuration on a free
/// loopback port; the gateway on real Kestrel (HTTPS on 127.0.0.1, secure cookies) over SQLite in a temp directory,
/// with its locker link connected to that broker; and locker "dash-a" provisioned through the gateway (broker user,
/// command key, device config file) and running as a <see cref="SimulatedLocker"/>: the firmware core on a
/// simulated cabinet, speaking MQTT through the broker. Site "dash-site": "dash-a" with six compartments in two
/// columns of three. Disposing stops the locker, the gateway and the broker, in that order.
/// </summary>
public sealed class DashboardGateway : IAsyncDisposable
{
    public const string Password = "correct horse battery staple";
    public const string SiteId = "dash-site";
    public const string LockerId = "dash-a";

    /// <summary>The simulated controller's board: twelve compartments, of which the site registers the first six.</summary>
    public const string BoardFile = "demo-12.json";

    /// <summary>Generous for every wait: the machine may be busy with other work.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("lockers-dashboard-tests-").FullName;
    private readonly X509Certificate2 _certificate = SelfSignedCertificate.ForLoopback();
    private SimulatedLocker? _locker;
    private Factory? _factory;
    private Dictionary<string, string?>? _settings;
    private string? _apiKey;

    private DashboardGateway(ShippedBroker broker) => Broker = broker;

    public ShippedBroker Broker { get; }
    public FixedWallClock Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));
    public string BaseUrl { get; private set; } = "";

    /// <summary>Locker "dash-a" as a person at the cabinet meets it: type on its keypad, force and close its doors, look at them.</summary>
    public SimulatedLocker Locker => _locker ?? throw new InvalidOperationException("not started");

    public T Service<T>() where T : notnull => (_factory ?? throw new InvalidOperationException("not started")).Services.GetRequiredService<T>();

    public static async Task<DashboardGateway> StartAsync([CallerMemberName] string test = "")
    {
        var gateway = new DashboardGateway(await ShippedBroker.StartAsync());
        try
        {
            await gateway.StartGatewayAsync(test);
            await gateway.ProvisionAndStartLockerAsync(LockerId);
            return gateway;
        }
        catch
        {
            try
            {
                await gateway.DisposeAsync();
            }
            catch (Exception)
            {
                // The start-up failure is the one to report.
            }

            throw;
        }
    }

    public static SiteDefinition Site => new(
        new Site(SiteId, "Dashboard test site"),
        [new Locker(LockerId, SiteId, "Station A")],
        Enumerable.Range(1, 6).Select(n => new Compartment(LockerId, n, n <= 2 ? CompartmentSize.M : CompartmentSize.S,
            (n - 1) / 3, (n - 1) % 3, Accessible: n == 1)).ToList());

    /// <summary>
    /// Books a parcel of <paramref name="size"/> at the site through the reservations API over HTTPS, as a carrier's
    /// system does; the answer holds the booked compartment and the courier's drop-off code.
    /// </summary>
    public async Task<BookedReservationResponse> BookParcelAsync(string size, string parcelReference = "DASH-0001")
    {
        _apiKey ??= (await Service<ApiClientService>().CreateKeyAsync("carrier", null)).ApiKey;
        using var handler = new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = (_, served, _, _) => served?.Thumbprint == _certificate.Thumbprint,
        };
        using var http = new HttpClient(handler) { BaseAddress = new Uri(BaseUrl), Timeout = Timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey);
        using var response = await http.PostAsJsonAsync("/api/v1/reservations", new
        {
            siteId = SiteId, size, accessible = false, parcelReference,
            recipient = new { email = "someone@example.com", phone = "+819012345678" },
        });
        Assert.True(response.IsSuccessStatusCode, $"booking failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<BookedReservationResponse>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }

    /// <summary>
    /// A courier deposits a booked parcel at the simulated locker: types the drop-off code, the door opens, the courier
    /// closes it; returns once the gateway has the parcel ready for pickup.
    /// </summary>
    public async Task<BookedReservationResponse> DepositParcelAsync(string size, string parcelReference)
    {
        var booked = await BookParcelAsync(size, parcelReference);
        var door = booked.Reservation.Compartment!.Value;
        Locker.Type(booked.DropoffCode + "#");
        await WaitForDoorAsync(door, open: true);
        await Wait.UntilAsync(() => Locker.Controller?.GetDoorState(door) == Lockers.Core.Doors.DoorState.Open, Timeout, $"the firmware to see door {door} open");
        Locker.Close(door);
        await Wait.UntilAsync(async () => (await Service<ILockerStore>().ReadAsync(tx => tx.Reservations.GetAsync(booked.Reservation.Id)))?.Status
            == ReservationStatus.ReadyForPickup, Timeout, $"{parcelReference} to be ready for pickup");
        return booked;
    }

    /// <summary>
    /// The commands the gateway signed for a locker, newest first (recorded before they are published), without the pushes of
    /// its offline code cache (sync_codes), which follow every booking and every birth.
    /// </summary>
    public async Task<IReadOnlyList<LockerCommandRecord>> CommandsAsync(string lockerId) =>
        (await Service<ILockerStore>().ExecuteAsync(tx => tx.LockerLink.ListCommandsAsync(lockerId, 100)))
            .Where(command => command.Action != Lockers.Core.Protocol.CommandActions.SyncCodes).ToList();

    /// <summary>Waits until the simulated locker itself sees door <paramref name="compartment"/> standing open (or shut).</summary>
    public Task WaitForDoorAsync(int compartment, bool open) =>
        Wait.UntilAsync(() => Locker.Cabinet[compartment].IsOpen == open, Timeout,
            $"door {compartment} of the simulated locker to be {(open ? "open" : "shut")}");

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_locker is not null)
            {
                await _locker.DisposeAsync();
            }

            if (_factory is not null)
            {
                await _factory.DisposeAsync();
            }
        }
        finally
        {
            try
            {
                await Broker.DisposeAsync();
            }
            finally
            {
                _certificate.Dispose();
                DeleteDirectory();
            }
        }
    }

    private async Task StartGatewayAsync(string test)
    {
        _settings = Broker.ProvisioningSettings();
        foreach (var (key, value) in Broker.LinkSettings(TestIds.ClientId(test, "gateway")))
        {
            _settings[key] = value;
        }

        await StartServerAsync(port: 0);
        await Service<RegistryService>().ImportAsync(Site, "test");
        await Service<StaffService>().SaveAsync("mia", StaffRole.Maintenance, Password, "test");
        await Service<StaffService>().SaveAsync("vic", StaffRole.Viewer, Password, "test");
    }

    private async Task StartServerAsync(int port)
    {
        _factory = new Factory(_directory, Time, _settings!);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port, listen => listen.UseHttps(_certificate)));
        _factory.StartServer();
        BaseUrl = Service<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');
        var link = Service<LockerLinkClient>();
        await Wait.UntilAsync(() => link.IsServing, Timeout, "the gateway's locker link to connect and subscribe");
    }

    /// <summary>
    /// Stops the gateway (its live streams end with it), runs <paramref name="whileDown"/>, and starts it again on the same
    /// address over the same database and broker session: what a page sees across a gateway restart.
    /// </summary>
    public async Task RestartAsync(Func<Task> whileDown)
    {
        var port = new Uri(BaseUrl).Port;
        await _factory!.DisposeAsync();
        _factory = null;
        await whileDown();
        await StartServerAsync(port);
    }

    /// <summary>
    /// Provisions the locker as an installer would (its device config and certificate written by the gateway,
    /// the broker reloaded), powers on a simulated locker with that config, and waits until the gateway has its
    /// birth message and first telemetry.
    /// </summary>
    private async Task ProvisionAndStartLockerAsync(string lockerId)
    {
        var boardPath = RepositoryRoot.Board(BoardFile);
        var provisioned = await Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(
            SiteId, lockerId, boardPath, Broker.Host, Broker.Port, Path.Combine(_directory, "provisioned", lockerId)), "test");
        Assert.True(provisioned.BrokerReloaded, "provisioning did not reload the broker");

        var config = DeviceConfigLoader.Load(await File.ReadAllTextAsync(provisioned.ConfigPath));
        var board = BoardLoader.Load(await File.ReadAllTextAsync(boardPath));
        _locker = new SimulatedLocker(config, board, Path.Combine(_directory, "flash", lockerId),
            new SimulatedLockerOptions { TimeProvider = Time }, Path.GetDirectoryName(provisioned.ConfigPath));
        await _locker.StartAsync();

        var health = Service<LockerHealthState>();
        await Wait.UntilAsync(() => health.Find(lockerId) is { ReportedOnline: true, Telemetry: not null }, Timeout,
            $"the gateway to hear locker {lockerId}'s birth message and telemetry");
    }

    private void DeleteDirectory()
    {
        // Pooled connections keep the database file open.
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp directory must not fail a test.
        }
    }

    private sealed class Factory(string dataDirectory, TimeProvider time, IReadOnlyDictionary<string, string?> settings)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Store:DataDirectory", dataDirectory);
            builder.UseSetting("Codes:Pepper", "dashboard-test-pepper-0123456789abcdefghijklmnop");
            builder.UseSetting("Expiry:Enabled", "false");
            builder.UseSetting("Monitoring:EvaluatorEnabled", "false");
            builder.UseSetting("Staff:PasswordIterations", "100000");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
        }
    }
}
