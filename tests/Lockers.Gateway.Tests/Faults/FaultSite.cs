using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Core.Doors;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Tests.Monitoring;
using Lockers.Gateway.Tests.EndToEnd;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Webhooks;
using Lockers.Simulator.Locker;
using Lockers.Testing;
using Microsoft.Data.Sqlite;
using FakeTimeProvider = Lockers.Gateway.Tests.Infrastructure.FakeTimeProvider;

namespace Lockers.Gateway.Tests.Faults;

/// <summary>
/// A whole site for fault tests, every part real: Mosquitto (the project's ACL, persistence without autosave, so a
/// SIGKILL loses what the broker held), the gateway over a SQLite file (as its own process that a test kills, or in
/// this process when a test injects store faults), a webhook receiver, and lockers test-a and test-b as
/// <see cref="SimulatedLocker"/>s running the firmware core with their flash in a folder. Parcels are booked over the
/// REST API, deposited and picked up at the simulated keypads and doors. <see cref="AssertNothingLostAsync"/> checks
/// the end state straight in the database.
/// </summary>
public sealed class FaultSite : IAsyncDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// A webhook leased by a gateway that was then killed waits for its lease to run out (Webhooks:TimeoutSeconds x 2
    /// + 30 s, 34 s here) before another gateway delivers it: at least once, under the same id.
    /// </summary>
    public static readonly TimeSpan WebhookTimeout = TimeSpan.FromSeconds(75);

    private readonly TempDirectory _data = new();
    private readonly Dictionary<string, string?> _gatewaySettings;
    private readonly List<WebhookReceiver.Delivery> _webhooks = [];
    private readonly Task _webhookDrain;
    private readonly CancellationTokenSource _stop = new();
    private readonly Dictionary<string, SimulatedLocker> _lockers = new();
    private CreatedApiKey _apiKey = null!;
    private readonly HashSet<string> _staff = new(StringComparer.Ordinal);

    private readonly TimeProvider _lockerTime;

    private FaultSite(LockerBroker broker, WebhookReceiver webhooks, string clientId, bool gatewayInProcess)
    {
        // A gateway process runs on real time; an in-process one on the test's clock, which its lockers must share
        // (signed commands expire, code entries age, by wall time).
        _lockerTime = gatewayInProcess ? Time : TimeProvider.System;
        Broker = broker;
        Webhooks = webhooks;
        _gatewaySettings = broker.LinkSettings(clientId);
        _gatewaySettings["Store:DataDirectory"] = _data.Path;
        _gatewaySettings["Codes:Pepper"] = GatewayFactory.TestPepper;
        _gatewaySettings["Webhooks:PollIntervalSeconds"] = "1";
        _gatewaySettings["Webhooks:InitialBackoffSeconds"] = "1";
        _gatewaySettings["Webhooks:TimeoutSeconds"] = "2";
        _gatewaySettings["LockerLink:ConnectRetrySeconds"] = "1";
        // Alarm changes go to the same receiver (Lockers-Event alarm.raised / alarm.cleared).
        _gatewaySettings["Monitoring:AlarmWebhookUrl"] = webhooks.Url;
        _gatewaySettings["Monitoring:AlarmWebhookSecret"] = "fault-site-alarm-secret-0123456789abcdef";
        // The gateway process serves plain HTTP on loopback; staff sign in to its dashboard API over it.
        _gatewaySettings["Staff:SecureCookies"] = "false";
        _webhookDrain = DrainWebhooksAsync();
    }

    public LockerBroker Broker { get; }
    public WebhookReceiver Webhooks { get; }

    /// <summary>The gateway process while one runs (child-process sites).</summary>
    public GatewayProcess? Process { get; private set; }

    /// <summary>The gateway in this process (in-process sites).</summary>
    public GatewayFixture? InProcess { get; private set; }

    /// <summary>The clock of an in-process gateway and its lockers: wall time fixed, timers and uptime real.</summary>
    public FakeTimeProvider Time { get; } = new();

    public SimulatedLocker Locker(string id) => _lockers[id];

    public string DatabasePath => _data.File("lockers.db");

    /// <summary>What provisioning wrote for a locker: its locker.json, CA, certificate and key (what a thief of its flash would hold).</summary>
    public string ProvisionedFolder(string lockerId) => _data.File(Path.Combine("provisioned", lockerId));

    /// <summary>Where a locker keeps its flash (one file per key).</summary>
    public string FlashOf(string lockerId) => _data.File(Path.Combine("flash", lockerId));

    /// <summary>
    /// Sets up the site; the gateway is not started: <see cref="StartGatewayProcessAsync"/> when
    /// <paramref name="gatewayInProcess"/> is false, else <see cref="StartGatewayInProcessAsync"/>.
    /// </summary>
    public static async Task<FaultSite> CreateAsync(bool gatewayInProcess = false, [CallerMemberName] string test = "")
    {
        var broker = await LockerBroker.StartAsync();
        var site = new FaultSite(broker, await WebhookReceiver.StartAsync(), TestIds.ClientId(test, "gateway"), gatewayInProcess);
        await site.SeedAsync();
        return site;
    }

    /// <summary>Imports the site, makes the API client (webhooks to the receiver) and provisions both lockers, with the link off.</summary>
    private async Task SeedAsync()
    {
        var settings = Broker.ProvisioningSettings();
        settings["LockerLink:Enabled"] = "false";
        using var seeding = new GatewayFixture(settings, _data, Time);
        await seeding.ImportTestSiteAsync();
        _apiKey = await seeding.CreateKeyAsync("acme", Webhooks.Url);
        foreach (var id in new[] { "test-a", "test-b" })
        {
            var provisioned = await seeding.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId,
                id, RepositoryRoot.DevKitBoard, Broker.Broker.Host, Broker.Port, ProvisionedFolder(id)), "test");
            var config = DeviceConfigLoader.Load(await File.ReadAllTextAsync(provisioned.ConfigPath));
            var board = BoardLoader.Load(await File.ReadAllTextAsync(RepositoryRoot.DevKitBoard));
            _lockers[id] = new SimulatedLocker(config, board, FlashOf(id), new SimulatedLockerOptions { TimeProvider = _lockerTime },
                ProvisionedFolder(id));
        }
    }

    /// <summary>Starts the gateway as a process (real time); <paramref name="crashPoint"/> makes it kill itself there.</summary>
    public async Task<GatewayProcess> StartGatewayProcessAsync(string? crashPoint = null)
    {
        var settings = new Dictionary<string, string?>(_gatewaySettings) { ["LockerLink:CrashPoint"] = crashPoint };
        Process = await GatewayProcess.StartAsync(settings);
        return Process;
    }

    /// <summary>Starts the gateway in this process, with the test-only store fault switch.</summary>
    public async Task<GatewayFixture> StartGatewayInProcessAsync()
    {
        var settings = new Dictionary<string, string?>(_gatewaySettings)
        {
            ["Store:FaultInjection"] = "true",
            ["Monitoring:EvaluatorEnabled"] = "false",
        };
        InProcess = new GatewayFixture(settings, _data, Time);
        await Wait.UntilAsync(() => InProcess.Factory.Service<Lockers.Gateway.Link.LockerLinkClient>().IsServing, Timeout,
            "the in-process gateway's link to serve");
        return InProcess;
    }

    /// <summary>
    /// A staff member signed in to the running gateway process's dashboard API (cookies kept); the account (admin) is
    /// made in the store on first use, so a gateway started later knows it too.
    /// </summary>
    public async Task<StaffClient> StaffAsync(string user = "maria")
    {
        if (!_staff.Contains(user))
        {
            var settings = Broker.ProvisioningSettings();
            settings["LockerLink:Enabled"] = "false";
            using (var seeding = new GatewayFixture(settings, _data, Time))
            {
                await seeding.Factory.Service<StaffService>().SaveAsync(user, StaffRole.Admin, StaffClient.Password, "test");
            }
            _staff.Add(user);
        }

        var http = new HttpClient(new HttpClientHandler { CookieContainer = new System.Net.CookieContainer(), AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(Process!.BaseUrl), Timeout = Timeout,
        };
        var client = new StaffClient(http);
        (await client.SignInAsync(user)).EnsureSuccessStatusCode();
        return client;
    }

    /// <summary>The REST API as the carrier uses it, on whichever gateway runs.</summary>
    public HttpClient Api()
    {
        if (InProcess is not null)
        {
            return InProcess.HttpFor(_apiKey);
        }

        var http = new HttpClient { BaseAddress = new Uri(Process!.BaseUrl), Timeout = Timeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _apiKey.ApiKey);
        return http;
    }

    /// <summary>Starts the lockers and waits until the gateway confirmed their boot events (their journals are empty).</summary>
    public async Task StartLockersAsync(params string[] ids)
    {
        foreach (var id in ids.Length == 0 ? _lockers.Keys.ToArray() : ids)
        {
            await _lockers[id].StartAsync();
        }

        await WaitJournalsEmptyAsync("the gateway to confirm the lockers' boot events");
    }

    /// <summary>Every locker's journal is empty: the gateway confirmed (acked end to end) everything they saw.</summary>
    public Task WaitJournalsEmptyAsync(string what) =>
        Wait.UntilAsync(() => _lockers.Values.All(l => !l.IsRunning || l.Controller!.JournalDepth == 0), Timeout, what);

    public async Task<BookedReservationResponse> BookAsync(string size = "S")
    {
        using var api = Api();
        return await api.BookAsync(ReservationRequests.Booking(size));
    }

    public async Task<string> StatusAsync(string reservationId)
    {
        using var api = Api();
        return (await api.GetFromJsonAsync<ReservationResponse>($"/api/v1/reservations/{reservationId}", ReservationRequests.Json))!.Status;
    }

    public Task WaitStatusAsync(string reservationId, string status) =>
        Wait.UntilAsync(async () =>
        {
            try
            {
                return await StatusAsync(reservationId) == status;
            }
            catch (HttpRequestException)
            {
                return false; // a gateway restarting
            }
        }, Timeout, $"reservation {reservationId} to be {status}");

    /// <summary>A person types <paramref name="code"/> and '#' at the locker's keypad; waits until <paramref name="door"/> springs open.</summary>
    public Task EnterCodeAndWaitOpenAsync(string lockerId, string code, int door)
    {
        var locker = _lockers[lockerId];
        locker.Type(code + "#");
        return WaitDoorAsync(lockerId, door, open: true);
    }

    /// <summary>Waits until the locker's own door controller (not just the simulated door) sees the door open or locked again.</summary>
    public Task WaitDoorAsync(string lockerId, int door, bool open) =>
        Wait.UntilAsync(() => _lockers[lockerId].Controller?.GetDoorState(door) == (open ? DoorState.Open : DoorState.Locked), Timeout,
            $"door {door} of {lockerId} to be {(open ? "open" : "locked")}");

    /// <summary>
    /// Books a parcel at <paramref name="lockerId"/>'s site and deposits it as a courier would (drop-off code, door opens, door
    /// closed); returns the reservation, its door and the recipient's PIN from the ready_for_pickup webhook.
    /// </summary>
    public async Task<(string Id, int Door, string Pin)> DepositAsync(string lockerId)
    {
        var booked = await BookAsync();
        var door = booked.Reservation.Compartment!.Value;
        await EnterCodeAndWaitOpenAsync(lockerId, booked.DropoffCode, door);
        _lockers[lockerId].Close(door);
        return (booked.Reservation.Id, door, await PickupPinAsync(booked.Reservation.Id));
    }

    /// <summary>The pickup PIN from the (first) ready_for_pickup webhook of the reservation.</summary>
    public async Task<string> PickupPinAsync(string reservationId)
    {
        WebhookReceiver.Delivery? ready = null;
        await Wait.UntilAsync(() => (ready = Delivered(reservationId, WebhookEvents.ReadyForPickup).FirstOrDefault()) is not null, WebhookTimeout,
            $"the ready_for_pickup webhook of {reservationId}");
        return JsonDocument.Parse(ready!.Body).RootElement.GetProperty("secrets").GetProperty("pickupPin").GetString()!;
    }

    /// <summary>Webhook deliveries so far for a reservation and type (redeliveries included).</summary>
    public IReadOnlyList<WebhookReceiver.Delivery> Delivered(string reservationId, string type)
    {
        lock (_webhooks)
        {
            return _webhooks.Where(d => d.EventType == type && ReservationOf(d) == reservationId).ToList();
        }
    }

    /// <summary>
    /// The end state, read from the database: the parcel went through exactly <paramref name="webhookTypes"/>, each
    /// delivered at least once and always under one event id; <paramref name="consumed"/> codes were consumed, each by one
    /// door opening applied once; no event conflicted; and every locker's journal is empty (all it saw was confirmed).
    /// </summary>
    public async Task AssertNothingLostAsync(string reservationId, string status, int consumed, params string[] webhookTypes)
    {
        Assert.Equal(status, await StatusAsync(reservationId));
        foreach (var type in webhookTypes)
        {
            await Wait.UntilAsync(() => Delivered(reservationId, type).Count > 0, WebhookTimeout, $"the {type} webhook of {reservationId}");
            var ids = Delivered(reservationId, type).Select(EventIdOf).Distinct().ToList();
            Assert.True(ids.Count == 1, $"{type} of {reservationId} was delivered under {ids.Count} ids: {string.Join(", ", ids)}");
        }

        lock (_webhooks)
        {
            var types = _webhooks.Where(d => ReservationOf(d) == reservationId).Select(d => d.EventType!).Distinct().Order().ToArray();
            Assert.Equal(webhookTypes.Order().ToArray(), types);
        }

        Assert.Equal(consumed, await ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'code.consumed' AND reservation_id = $r", reservationId));
        // Each opening of the parcel's door was applied once: one door.opened line per code consumed.
        Assert.Equal(consumed, await ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = 'door.opened' AND reservation_id = $r", reservationId));
        Assert.Equal(0L, await ScalarAsync("SELECT COUNT(*) FROM event_conflicts"));
        await WaitJournalsEmptyAsync("every locker's journal to be confirmed by the gateway");
    }

    /// <summary>Audit lines of <paramref name="action"/> in the database.</summary>
    public Task<long> AuditCountAsync(string action) => ScalarAsync("SELECT COUNT(*) FROM audit_log WHERE action = $r", action);

    /// <summary>The stored detail of <paramref name="lockerId"/>'s latest alarm of <paramref name="kind"/>.</summary>
    public async Task<string> AlarmDetailAsync(string lockerId, string kind)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT detail FROM monitoring_alarms WHERE locker_id = $l AND kind = $k ORDER BY id DESC LIMIT 1";
        command.Parameters.AddWithValue("$l", lockerId);
        command.Parameters.AddWithValue("$k", kind);
        return (string)(await command.ExecuteScalarAsync())!;
    }

    public async Task<long> ScalarAsync(string sql, string? parameter = null)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        if (parameter is not null)
        {
            command.Parameters.AddWithValue("$r", parameter);
        }

        return (long)(await command.ExecuteScalarAsync())!;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var locker in _lockers.Values)
        {
            await locker.DisposeAsync();
        }

        if (Process is not null)
        {
            await Process.DisposeAsync();
        }

        InProcess?.Dispose();
        _stop.Cancel();
        await _webhookDrain;
        await Webhooks.DisposeAsync();

        await Broker.DisposeAsync();
        _data.Dispose();
    }

    private async Task DrainWebhooksAsync()
    {
        await Task.Yield();
        try
        {
            await foreach (var delivery in Webhooks.ReadAllAsync(_stop.Token))
            {
                lock (_webhooks)
                {
                    _webhooks.Add(delivery);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private static string? ReservationOf(WebhookReceiver.Delivery delivery) =>
        JsonDocument.Parse(delivery.Body).RootElement.TryGetProperty("reservation", out var reservation) ? reservation.GetProperty("id").GetString() : null;

    /// <summary>Alarm webhooks so far of <paramref name="change"/> (raised, cleared) and <paramref name="kind"/>.</summary>
    public IReadOnlyList<JsonElement> AlarmWebhooks(string change, string kind)
    {
        lock (_webhooks)
        {
            return _webhooks.Where(d => d.EventType == "alarm." + change)
                .Select(d => JsonDocument.Parse(d.Body).RootElement.GetProperty("alarm"))
                .Where(alarm => alarm.GetProperty("kind").GetString() == kind)
                .ToList();
        }
    }

    private static string EventIdOf(WebhookReceiver.Delivery delivery) =>
        JsonDocument.Parse(delivery.Body).RootElement.GetProperty("id").GetString()!;
}
