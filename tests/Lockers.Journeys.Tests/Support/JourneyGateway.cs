using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Webhooks;
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

namespace Lockers.Journeys.Tests.Support;

/// <summary>
/// The system people meet, for one test: Mosquitto run from the shipped configuration on a free loopback port; the gateway on
/// real Kestrel (127.0.0.1) over SQLite in a temp directory, its locker link connected; three sites in central Tokyo
/// (locale ja-JP): "tokyo-station" whose controller "tokyo-a" (board demo-12.json: 12 doors) is provisioned through the
/// gateway and runs as a <see cref="SimulatedLocker"/>, and two neighbours with a few registered doors ("tokyo-yaesu" 0.4 km,
/// "tokyo-ginza" 1.4 km); a carrier with an API key. Disposing stops the locker, the gateway and the broker, in that order.
/// </summary>
public sealed class JourneyGateway : IAsyncDisposable
{
    public const string Station = "tokyo-station";
    public const string Yaesu = "tokyo-yaesu";
    public const string Ginza = "tokyo-ginza";
    public const string LockerId = "tokyo-a";
    public const string BoardFile = "demo-12.json";

    /// <summary>Generous for every wait: the machine may be busy with other work.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    private readonly string _directory = Directory.CreateTempSubdirectory("lockers-journeys-").FullName;
    private SimulatedLocker? _locker;
    private Factory? _factory;

    private JourneyGateway(ShippedBroker broker)
    {
        Broker = broker;
        LockerClock = new LockerUptime(Time);
    }

    public ShippedBroker Broker { get; }

    /// <summary>Sunday 1 March 2026, 09:00 UTC (18:00 in Tokyo).</summary>
    public JourneyClock Time { get; } = new(new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

    /// <summary>The simulated locker's own clock: <see cref="Time"/>'s wall time, and an uptime a test can move on.</summary>
    public LockerUptime LockerClock { get; }

    public string BaseUrl { get; private set; } = "";
    public HttpClient Api { get; private set; } = null!;

    /// <summary>Controller "tokyo-a" as a person at the cabinet meets it: its keypad, scanner, doors and display.</summary>
    public SimulatedLocker Locker => _locker ?? throw new InvalidOperationException("not started");

    public T Service<T>() where T : notnull => (_factory ?? throw new InvalidOperationException("not started")).Services.GetRequiredService<T>();

    public static async Task<JourneyGateway> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, [CallerMemberName] string test = "")
    {
        var gateway = new JourneyGateway(await ShippedBroker.StartAsync());
        try
        {
            await gateway.StartGatewayAsync(test, settings ?? new Dictionary<string, string?>());
            await gateway.ProvisionAndStartLockerAsync();
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

    public static IReadOnlyList<SiteDefinition> Sites()
    {
        var board = BoardLoader.Load(File.ReadAllText(RepositoryRoot.Board(BoardFile)));
        var station = new Site(Station, "東京駅 丸の内口", "東京都千代田区丸の内1丁目9", new GeoPoint(35.6812, 139.7671),
            new OpeningHours(new TimeOnly(6, 0), new TimeOnly(23, 30)),
            new Dictionary<string, string>
            {
                ["ja"] = "丸の内北口を出て左、郵便局の隣です。",
                ["en"] = "Leave by the Marunouchi North exit and turn left; the lockers are next to the post office.",
                ["zh"] = "从丸之内北口出站后左转，快递柜在邮局旁边。",
            }, "ja-JP", "Asia/Tokyo");
        var stationDoors = board.Compartments.Select(c => new Compartment(LockerId, c.Number, c.Size, c.Column, c.Row, c.Accessible)).ToList();
        return
        [
            new SiteDefinition(station, [new Locker(LockerId, Station, "キャビネットA")], stationDoors),
            Neighbour(Yaesu, "八重洲地下街", "東京都中央区八重洲2丁目1", new GeoPoint(35.6800, 139.7712), [CompartmentSize.S, CompartmentSize.M]),
            Neighbour(Ginza, "銀座一丁目", "東京都中央区銀座1丁目5", new GeoPoint(35.6742, 139.7802), [CompartmentSize.S, CompartmentSize.M, CompartmentSize.L]),
        ];
    }

    /// <summary>Books at the station over the API as a carrier's system does (a delivery, or a send from the locker).</summary>
    public async Task<BookedReservationResponse> BookAsync(string size = "S", string parcel = "JP-0001", string kind = "delivery", string site = Station)
    {
        using var response = await Api.PostAsJsonAsync("/api/v1/reservations", new
        {
            siteId = site, size, accessible = false, parcelReference = parcel, kind,
            recipient = new { email = "hana@example.jp", phone = "+819012345678" },
        });
        Assert.True(response.IsSuccessStatusCode, $"booking failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<BookedReservationResponse>(Json))!;
    }

    public async Task<Reservation> ReservationAsync(string id) =>
        (await Service<ILockerStore>().ReadAsync(tx => tx.Reservations.GetAsync(id)))!;

    public Task WaitForStatusAsync(string reservationId, ReservationStatus status) =>
        Wait.UntilAsync(async () => (await ReservationAsync(reservationId)).Status == status, Timeout, $"reservation {reservationId} to be {status}");

    public Task WaitForDoorAsync(int compartment, bool open) =>
        Wait.UntilAsync(() => Locker.Cabinet[compartment].IsOpen == open, Timeout,
            $"door {compartment} of the simulated locker to be {(open ? "open" : "shut")}");

    /// <summary>
    /// A code typed at the simulated locker's keypad opens <paramref name="door"/>; the door is closed once the gateway has
    /// applied its opening (closing sooner, the firmware might never see it open), and the call returns when
    /// <paramref name="until"/> holds for the reservation.
    /// </summary>
    public async Task OpenAndCloseAsync(string code, int door, string reservationId, Func<Reservation, bool> opened, ReservationStatus until)
    {
        Locker.Type(code + "#");
        await WaitForDoorAsync(door, open: true);
        await Wait.UntilAsync(async () => opened(await ReservationAsync(reservationId)), Timeout, $"the gateway to apply door {door} opening");
        Locker.Close(door);
        await WaitForStatusAsync(reservationId, until);
    }

    /// <summary>A courier deposits with the drop-off code at the simulated keypad; returns when the parcel is ready.</summary>
    public Task DepositAsync(BookedReservationResponse booked) =>
        OpenAndCloseAsync(booked.DropoffCode, booked.Reservation.Compartment!.Value, booked.Reservation.Id, r => r.DepositedAt is not null,
            booked.Reservation.Kind == "send" ? ReservationStatus.Deposited : ReservationStatus.ReadyForPickup);

    /// <summary>Waits until the locker's display shows <paramref name="text"/>.</summary>
    public Task WaitForDisplayAsync(string text) =>
        Wait.UntilAsync(() => Locker.Feedback.Text == text, Timeout, $"the display to show '{text}' (it shows '{Locker.Feedback.Text}')");

    /// <summary>The secrets of the newest webhook of <paramref name="type"/> queued for the reservation (as the carrier receives them).</summary>
    public async Task<JsonElement> WebhookSecretsAsync(string reservationId, string type)
    {
        JsonElement? found = null;
        await Wait.UntilAsync(async () =>
        {
            var outbox = await Service<ILockerStore>().ReadAsync(tx => tx.Outbox.ListAsync(reservationId, 50));
            var message = outbox.LastOrDefault(m => m.EventType == type && m.SealedSecrets is not null);
            if (message is null)
            {
                return false;
            }

            found = JsonDocument.Parse(Service<SecretSealer>().Unseal(message.SealedSecrets!, WebhookEnqueuer.SecretsPurpose)).RootElement;
            return true;
        }, Timeout, $"a {type} webhook for {reservationId}");
        return found!.Value;
    }

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (_locker is not null)
            {
                await _locker.DisposeAsync();
            }

            Api?.Dispose();
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
        }
    }

    private static SiteDefinition Neighbour(string id, string name, string address, GeoPoint location, CompartmentSize[] sizes)
    {
        var lockerId = id + "-1";
        return new SiteDefinition(new Site(id, name, address, location, null, null, "ja-JP", "Asia/Tokyo"),
            [new Locker(lockerId, id, "ロッカー1")],
            sizes.Select((size, i) => new Compartment(lockerId, i + 1, size, 0, i, Accessible: false)).ToList());
    }

    private async Task StartGatewayAsync(string test, IReadOnlyDictionary<string, string?> extra)
    {
        var settings = Broker.ProvisioningSettings();
        foreach (var (key, value) in Broker.LinkSettings(TestIds.ClientId(test, "gateway")))
        {
            settings[key] = value;
        }

        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        _factory = new Factory(_directory, Time, settings);
        _factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        _factory.StartServer();
        BaseUrl = Service<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single().TrimEnd('/');

        foreach (var site in Sites())
        {
            await Service<RegistryService>().ImportAsync(site, "test");
        }

        var apiKey = await Service<ApiClientService>().CreateKeyAsync("yamato", "http://127.0.0.1:9/hook");
        Api = new HttpClient { BaseAddress = new Uri(BaseUrl), Timeout = Timeout };
        Api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", apiKey.ApiKey);
        var link = Service<LockerLinkClient>();
        await Wait.UntilAsync(() => link.IsServing, Timeout, "the gateway's locker link to connect and subscribe");
    }

    /// <summary>Provisions "tokyo-a" as an installer would and powers on a simulated locker with the written config.</summary>
    private async Task ProvisionAndStartLockerAsync()
    {
        var boardPath = RepositoryRoot.Board(BoardFile);
        var provisioned = await Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(
            Station, LockerId, boardPath, Broker.Host, Broker.Port, Path.Combine(_directory, "provisioned", LockerId)), "test");
        Assert.True(provisioned.BrokerReloaded, "provisioning did not reload the broker");

        var config = DeviceConfigLoader.Load(await File.ReadAllTextAsync(provisioned.ConfigPath));
        Assert.Equal("ja", config.Language); // the site's locale, written by provisioning
        var board = BoardLoader.Load(await File.ReadAllTextAsync(boardPath));
        _locker = new SimulatedLocker(config, board, Path.Combine(_directory, "flash", LockerId), new SimulatedLockerOptions { TimeProvider = Time, ClockTimeProvider = LockerClock },
            Path.GetDirectoryName(provisioned.ConfigPath));
        await _locker.StartAsync();

        var health = Service<LockerHealthState>();
        await Wait.UntilAsync(() => health.Find(LockerId) is { ReportedOnline: true }, Timeout,
            $"the gateway to hear locker {LockerId}'s birth message");
    }

    private sealed class Factory(string dataDirectory, TimeProvider time, IReadOnlyDictionary<string, string?> settings)
        : WebApplicationFactory<Program>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            builder.UseEnvironment("Testing");
            builder.UseSetting("Store:DataDirectory", dataDirectory);
            builder.UseSetting("Codes:Pepper", "journeys-test-pepper-0123456789abcdefghijklmnop");
            builder.UseSetting("Expiry:Enabled", "false");
            builder.UseSetting("Webhooks:DispatcherEnabled", "false");
            builder.UseSetting("Monitoring:EvaluatorEnabled", "false");
            builder.UseSetting("Reservations:PublicBaseUrl", "http://127.0.0.1");
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }

            builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(time));
        }
    }
}
