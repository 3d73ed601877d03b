using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Lockers.Core.Protocol;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// The whole system for one test: a real Mosquitto set up as shipped, the gateway in-process with its locker
/// link connected to it (temp data directory, fake clock), the test site imported, an API client whose webhooks
/// land in a <see cref="WebhookReceiver"/>, and lockers provisioned through the gateway on demand.
/// </summary>
public sealed class LinkedGateway : IAsyncDisposable
{
    private static readonly TimeSpan EffectTimeout = TimeSpan.FromSeconds(15);

    private readonly List<MqttTestLocker> _lockers = new();

    private LinkedGateway(LockerBroker broker, GatewayFixture gateway, WebhookReceiver webhooks, HttpClient api)
    {
        Broker = broker;
        Gateway = gateway;
        Webhooks = webhooks;
        Api = api;
    }

    public LockerBroker Broker { get; }
    public GatewayFixture Gateway { get; }
    public WebhookReceiver Webhooks { get; }
    public HttpClient Api { get; }
    public LinkCounters Counters => Gateway.Factory.Service<LinkCounters>();

    public static async Task<LinkedGateway> StartAsync(string? sharedGroup = null, [CallerMemberName] string test = "")
    {
        var broker = await LockerBroker.StartAsync();
        var settings = broker.ProvisioningSettings();
        foreach (var (key, value) in broker.LinkSettings(TestIds.ClientId(test, "gateway"), sharedGroup))
        {
            settings[key] = value;
        }

        var gateway = new GatewayFixture(settings);
        await gateway.ImportTestSiteAsync();
        var webhooks = await WebhookReceiver.StartAsync();
        var api = await gateway.CreateApiClientAsync("acme", webhooks.Url);
        var system = new LinkedGateway(broker, gateway, webhooks, api);
        var link = gateway.Factory.Service<LockerLinkClient>();
        await Wait.UntilAsync(() => link.IsServing, EffectTimeout, "the gateway's locker link to connect and subscribe");
        return system;
    }

    /// <summary>Provisions <paramref name="lockerId"/> of the test site through the gateway and connects it with the config written.</summary>
    public async Task<MqttTestLocker> ProvisionAndConnectAsync(string lockerId)
    {
        var provisioned = await ProvisionAsync(lockerId);
        var locker = await MqttTestLocker.ConnectAsync(provisioned.ConfigPath, Gateway.Time);
        _lockers.Add(locker);
        return locker;
    }

    public Task<ProvisionedLocker> ProvisionAsync(string lockerId) =>
        Gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId, lockerId,
            RepositoryRoot.DevKitBoard, Broker.Broker.Host, Broker.Port, Path.Combine(Gateway.DataDirectory, "provisioned", lockerId)), "test");

    public async Task<ReservationResponse> ReservationAsync(string id) =>
        (await Api.GetFromJsonAsync<ReservationResponse>($"/api/v1/reservations/{id}", ReservationRequests.Json))!;

    /// <summary>
    /// The commands signed for a locker, newest first, without the pushes of its offline code cache (sync_codes, see
    /// <see cref="SyncCommandsAsync"/>). They are recorded before they are published, so once a locker has received one, it
    /// is here (the link's CommandsSent counter moves only at the broker's PUBACK).
    /// </summary>
    public async Task<IReadOnlyList<LockerCommandRecord>> CommandsAsync(string lockerId) =>
        (await AllCommandsAsync(lockerId)).Where(command => command.Action != CommandActions.SyncCodes).ToList();

    /// <summary>The sync_codes parts signed for a locker, newest first.</summary>
    public async Task<IReadOnlyList<LockerCommandRecord>> SyncCommandsAsync(string lockerId) =>
        (await AllCommandsAsync(lockerId)).Where(command => command.Action == CommandActions.SyncCodes).ToList();

    private Task<IReadOnlyList<LockerCommandRecord>> AllCommandsAsync(string lockerId) =>
        Gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.LockerLink.ListCommandsAsync(lockerId, 100));

    public Task WaitForStatusAsync(string reservationId, string status) =>
        Wait.UntilAsync(async () => (await ReservationAsync(reservationId)).Status == status, EffectTimeout, $"reservation {reservationId} to be {status}");

    /// <summary>Waits until the link has handled <paramref name="count"/> messages in all (applied, duplicate or dropped).</summary>
    public Task WaitForHandledAsync(long count) =>
        Wait.UntilAsync(() => Counters.Handled + Counters.Duplicates + Counters.DroppedTotal >= count, EffectTimeout,
            $"{count} messages handled by the link ({Counters})");

    public async ValueTask DisposeAsync()
    {
        foreach (var locker in _lockers)
        {
            await locker.DisposeAsync();
        }

        Api.Dispose();
        Gateway.Dispose();
        await Webhooks.DisposeAsync();
        await Broker.DisposeAsync();
    }
}
