using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using Lockers.Core.Board;
using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Webhooks;
using Lockers.Simulator.Locker;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// The whole system with real firmware for one fault test: Mosquitto as shipped, the gateway in-process with its locker link
/// (real SQLite, a clock that runs with real time so the lockers' clocks agree with it), and the test site's lockers as
/// <see cref="SimulatedLocker"/>s (the firmware core over simulated doors and keypads), each connected to the broker through
/// its own <see cref="TcpRelay"/> the test can stall, drop or cut. Every webhook is collected, to check that each arrived once
/// under a stable id.
/// </summary>
public sealed class SimulatedSite : IAsyncDisposable
{
    /// <summary>Bound for anything that should happen within a few seconds on a healthy link.</summary>
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    /// <summary>The lockers' answer window (config answerS) in these tests.</summary>
    public const int AnswerS = 6;

    /// <summary>The lockers' offline bound (config offlineAfterS) in these tests.</summary>
    public const int OfflineAfterS = 2;

    /// <summary>The lockers' heartbeat (MQTT keep-alive): a dead route is noticed within 1.5 times this.</summary>
    public const int HeartbeatS = 5;

    /// <summary>The gateway's unlock expiry in these tests (LockerLink:UnlockExpirySeconds).</summary>
    public const int UnlockExpiryS = 3;

    private readonly Dictionary<string, (SimulatedLocker Locker, TcpRelay Relay)> _lockers = new();
    private readonly ConcurrentQueue<Delivered> _webhooks = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly TempDirectory _storage = new();
    private Task _collecting = Task.CompletedTask;

    private SimulatedSite(LockerBroker broker, GatewayFixture gateway, WebhookReceiver receiver, HttpClient api)
    {
        Broker = broker;
        Gateway = gateway;
        Receiver = receiver;
        Api = api;
    }

    /// <summary>One webhook as it arrived.</summary>
    public sealed record Delivered(string Id, string Type, string ReservationId, JsonElement Body);

    public LockerBroker Broker { get; }
    public GatewayFixture Gateway { get; }
    public WebhookReceiver Receiver { get; }
    public HttpClient Api { get; }
    public ILockerStore Store => Gateway.Factory.Service<ILockerStore>();

    /// <summary>Every webhook delivered so far, in arrival order (redeliveries included).</summary>
    public IReadOnlyList<Delivered> Webhooks => _webhooks.ToArray();

    public static async Task<SimulatedSite> StartAsync([CallerMemberName] string test = "")
    {
        var broker = await LockerBroker.StartAsync();
        var settings = broker.ProvisioningSettings();
        foreach (var (key, value) in broker.LinkSettings(TestIds.ClientId(test, "gateway")))
        {
            settings[key] = value;
        }

        settings["LockerLink:UnlockExpirySeconds"] = UnlockExpiryS.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["LockerLink:CommandSweepSeconds"] = "1";
        settings["OfflineCodes:PushIntervalSeconds"] = "1";
        var gateway = new GatewayFixture(settings, time: Infrastructure.FakeTimeProvider.Running());
        await gateway.ImportTestSiteAsync();
        var receiver = await WebhookReceiver.StartAsync();
        var api = await gateway.CreateApiClientAsync("acme", receiver.Url);
        var site = new SimulatedSite(broker, gateway, receiver, api);
        site._collecting = Task.Run(site.CollectWebhooksAsync);
        await Wait.UntilAsync(() => gateway.Factory.Service<LockerLinkClient>().IsServing, Timeout, "the gateway's locker link to connect and subscribe");
        return site;
    }

    /// <summary>The running simulated locker <paramref name="lockerId"/>.</summary>
    public SimulatedLocker Locker(string lockerId) => _lockers[lockerId].Locker;

    /// <summary>The relay between <paramref name="lockerId"/> and the broker.</summary>
    public TcpRelay Relay(string lockerId) => _lockers[lockerId].Relay;

    /// <summary>
    /// Provisions <paramref name="lockerId"/> through the gateway and powers on a simulated locker with the device config it
    /// wrote (heartbeat, answer window and offline bound shortened for the test), behind a relay; waits until the gateway has
    /// it online and the locker holds a complete offline code cache. <paramref name="heartbeatS"/> sets its MQTT keep-alive (the
    /// link is declared dead after 1.5 times it).
    /// </summary>
    public async Task<SimulatedLocker> StartLockerAsync(string lockerId, int heartbeatS = HeartbeatS)
    {
        var provisioned = await Gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId,
            lockerId, RepositoryRoot.DevKitBoard, Broker.Broker.Host, Broker.Port, _storage.File("config-" + lockerId)), "test");
        var written = DeviceConfigLoader.Load(await File.ReadAllTextAsync(provisioned.ConfigPath));
        var config = new DeviceConfig(written.LockerId, written.SiteId, written.Broker, written.CommandKey, written.BoardFile,
            heartbeatS, written.TelemetryS, written.KeypadId, written.ScannerId, null, AnswerS, OfflineAfterS, written.Language);
        var board = BoardLoader.Load(await File.ReadAllTextAsync(RepositoryRoot.DevKitBoard));
        var relay = TcpRelay.Start(Broker.Port);
        // The relay carries the TLS session untouched: the locker still checks the broker's certificate for its host name.
        var locker = new SimulatedLocker(config, board, _storage.File("flash-" + lockerId),
            new SimulatedLockerOptions { BrokerHost = config.Broker.Host, BrokerPort = relay.Port }, Path.GetDirectoryName(provisioned.ConfigPath));
        _lockers[lockerId] = (locker, relay);
        await locker.StartAsync();
        await WaitOnlineWithCacheAsync(lockerId);
        return locker;
    }

    /// <summary>Waits until the gateway has <paramref name="lockerId"/> online and the locker holds a complete cache of <paramref name="codes"/> codes (any when null).</summary>
    public async Task WaitOnlineWithCacheAsync(string lockerId, int? codes = null)
    {
        var locker = Locker(lockerId);
        await Wait.UntilAsync(async () => locker.IsConnected && await IsOnlineAsync(lockerId), Timeout, $"{lockerId} to be online at the gateway");
        await Wait.UntilAsync(() => locker.Controller is { OfflineCodeVersion: > 0 } controller && (codes is null || controller.OfflineCodeCount == codes),
            Timeout, $"{lockerId} to hold its offline code cache" + (codes is null ? "" : $" of {codes} codes"));
    }

    /// <summary>
    /// Lets <paramref name="lockerId"/>'s route pass again and waits until the locker is back in a new session: a new connection
    /// through its relay, and a cache version pushed after its birth arrived (the gateway's online flag may never have dropped).
    /// </summary>
    public async Task PassAndWaitReconnectedAsync(string lockerId)
    {
        var (locker, relay) = _lockers[lockerId];
        var connections = relay.Connections;
        var version = locker.Controller?.OfflineCodeVersion ?? 0;
        relay.Pass();
        await WaitAsync(() => Task.FromResult(relay.Connections > connections && locker.IsConnected
                && locker.Controller is { } controller && controller.OfflineCodeVersion > version),
            $"{lockerId} to be back in a new session, with a cache pushed after its birth");
    }

    public async Task<bool> IsOnlineAsync(string lockerId) =>
        (await Store.ReadAsync(tx => tx.Registry.GetLockerAsync(lockerId)))?.Online == true;

    public async Task<ReservationResponse> ReservationAsync(string id) =>
        (await Api.GetFromJsonAsync<ReservationResponse>($"/api/v1/reservations/{id}", ReservationRequests.Json))!;

    public Task WaitForStatusAsync(string reservationId, string status) =>
        WaitAsync(async () => (await ReservationAsync(reservationId)).Status == status, $"reservation {reservationId} to be {status}");

    /// <summary>Waits (bounded by <see cref="Timeout"/>) for <paramref name="condition"/>; a timeout says what the gateway knows.</summary>
    public async Task WaitAsync(Func<Task<bool>> condition, string what)
    {
        try
        {
            await Wait.UntilAsync(condition, Timeout, what);
        }
        catch (TimeoutException timeout)
        {
            throw new TimeoutException(timeout.Message + "\n" + await DescribeAsync(), timeout);
        }
    }

    /// <summary>What the gateway knows, for a failed wait's message: link counters, the lockers' audit trails and commands.</summary>
    public async Task<string> DescribeAsync()
    {
        var text = new System.Text.StringBuilder();
        text.AppendLine($"link: {Gateway.Factory.Service<LinkCounters>()}");
        foreach (var (id, (locker, relay)) in _lockers)
        {
            text.AppendLine($"{id}: connected={locker.IsConnected} relay={relay.Mode} display='{locker.Feedback.Text}' journal={locker.Controller?.JournalDepth}");
            foreach (var entry in (await AuditAsync(id)).Reverse())
            {
                text.AppendLine($"  {entry.At:HH:mm:ss.fff} {entry.Actor} {entry.Action} {entry.Compartment} {entry.ReservationId} {entry.Detail}");
            }

            foreach (var command in await Store.ExecuteAsync(tx => tx.LockerLink.ListCommandsAsync(id, 200)))
            {
                text.AppendLine($"  command {command.CommandId} {command.Action} {command.Compartment} -> {command.Result ?? "(none)"} {command.Reason}");
            }
        }

        return text.ToString();
    }

    /// <summary>Books a parcel of <paramref name="size"/> (the test site: test-a has S, S, M, L; test-b one XL).</summary>
    public Task<BookedReservationResponse> BookAsync(string size) => Api.BookAsync(ReservationRequests.Booking(size));

    /// <summary>The courier deposits online: the drop-off code opens the booked door, which is closed again; returns the recipient's PIN.</summary>
    public async Task<string> DepositAsync(BookedReservationResponse booked)
    {
        var door = booked.Reservation.Compartment!.Value;
        var locker = Locker(booked.Reservation.LockerId!);
        locker.Type(booked.DropoffCode + "#");
        await WaitForDoorAsync(locker, door, open: true);
        locker.Close(door);
        await WaitForStatusAsync(booked.Reservation.Id, "ready_for_pickup");
        var ready = await WebhookAsync(booked.Reservation.Id, WebhookEvents.ReadyForPickup);
        return ready.Body.GetProperty("secrets").GetProperty("pickupPin").GetString()!;
    }

    /// <summary>
    /// Waits until the door stands open (or shut) and the firmware has confirmed it through its reed switch: a person who shuts
    /// the door before that (the debounce) would make it a jam, as on a real locker.
    /// </summary>
    public static Task WaitForDoorAsync(SimulatedLocker locker, int door, bool open) =>
        Wait.UntilAsync(() => locker.Cabinet[door].IsOpen == open
                && (locker.Controller?.GetDoorState(door) == Lockers.Core.Doors.DoorState.Open) == open,
            Timeout, $"door {door} of {locker.LockerId} to be {(open ? "open" : "closed")}, as the firmware sees it");

    /// <summary>Waits for the webhook <paramref name="type"/> of <paramref name="reservationId"/>.</summary>
    public async Task<Delivered> WebhookAsync(string reservationId, string type)
    {
        await Wait.UntilAsync(() => _webhooks.Any(w => w.ReservationId == reservationId && w.Type == type), Timeout,
            $"webhook {type} for {reservationId}");
        return _webhooks.First(w => w.ReservationId == reservationId && w.Type == type);
    }

    /// <summary>
    /// The webhook types <paramref name="reservationId"/> got, each exactly once under one id: a redelivery would repeat the
    /// id (harmless for the client), a second event of a type would not.
    /// </summary>
    public IReadOnlyList<string> WebhookTypesOf(string reservationId)
    {
        var mine = _webhooks.Where(w => w.ReservationId == reservationId).ToList();
        foreach (var type in mine.GroupBy(w => w.Type))
        {
            Assert.True(type.Select(w => w.Id).Distinct().Count() == 1,
                $"reservation {reservationId} got {type.Key} under several ids: {string.Join(", ", type.Select(w => w.Id))}");
        }

        return mine.Select(w => w.Type).Distinct().ToList();
    }

    /// <summary>The signed commands for a locker other than cache pushes, newest first.</summary>
    public async Task<IReadOnlyList<LockerCommandRecord>> CommandsAsync(string lockerId) =>
        (await Store.ExecuteAsync(tx => tx.LockerLink.ListCommandsAsync(lockerId, 200)))
            .Where(command => command.Action != CommandActions.SyncCodes).ToList();

    /// <summary>The locker's audit trail, newest first.</summary>
    public Task<IReadOnlyList<Lockers.Gateway.Audit.AuditEntry>> AuditAsync(string lockerId) =>
        Store.ReadAsync(tx => tx.Monitoring.ListAuditAsync(lockerId, 200));

    public async Task<Compartment?> CompartmentAsync(string lockerId, int number) =>
        await Store.ReadAsync(tx => tx.Registry.GetCompartmentAsync(new CompartmentRef(lockerId, number)));

    public async ValueTask DisposeAsync()
    {
        foreach (var (locker, relay) in _lockers.Values)
        {
            await locker.DisposeAsync();
            await relay.DisposeAsync();
        }

        _stop.Cancel();
        await _collecting;
        Api.Dispose();
        Gateway.Dispose();
        await Receiver.DisposeAsync();
        await Broker.DisposeAsync();
        _storage.Dispose();
        _stop.Dispose();
    }

    private async Task CollectWebhooksAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            WebhookReceiver.Delivery delivery;
            try
            {
                delivery = await Receiver.NextAsync(TimeSpan.FromSeconds(1));
            }
            catch (TimeoutException)
            {
                continue;
            }

            var body = JsonDocument.Parse(delivery.Body).RootElement.Clone();
            _webhooks.Enqueue(new Delivered(body.GetProperty("id").GetString()!, delivery.EventType ?? "",
                body.GetProperty("reservation").GetProperty("id").GetString()!, body));
        }
    }
}
