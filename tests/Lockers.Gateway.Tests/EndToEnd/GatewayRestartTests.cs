using System.Net.Http.Json;
using Lockers.Core.Protocol;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>The gateway's persistent session: what lockers report while the gateway is down is applied when it is back.</summary>
public sealed class GatewayRestartTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task DoorEventsWhileGatewayIsDown_AreAppliedAfterItRestarts()
    {
        await using var broker = await LockerBroker.StartAsync();
        using var data = new TempDirectory();
        var settings = broker.ProvisioningSettings();
        foreach (var (key, value) in broker.LinkSettings(TestIds.ClientId(role: "gateway")))
        {
            settings[key] = value;
        }

        BookedReservationResponse booked;
        CreatedApiKey apiKey;
        MqttTestLocker locker;
        using (var before = new GatewayFixture(settings, data))
        {
            await before.ImportTestSiteAsync();
            await WaitConnectedAsync(before);
            apiKey = await before.CreateKeyAsync();
            booked = await before.HttpFor(apiKey).BookAsync();
            var provisioned = await before.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId,
                "test-a", RepositoryRoot.DevKitBoard, broker.Broker.Host, broker.Port, false, data.File("test-a")), "test");
            locker = await MqttTestLocker.ConnectAsync(provisioned.ConfigPath, before.Time);
            await locker.EnterCodeAsync(booked.DropoffCode);
            Assert.Equal(CommandActions.Unlock, (await locker.NextCommandAsync()).Command!.Action);
        }

        await using (locker)
        {
            // The gateway is gone; the broker queues these for its session.
            var door = booked.Reservation.Compartment!.Value;
            await locker.DoorAsync(door, DoorStates.Opened);
            await locker.DoorAsync(door, DoorStates.Closed);

            using var after = new GatewayFixture(settings, data);
            var api = after.HttpFor(apiKey);
            await Wait.UntilAsync(async () =>
                (await api.GetFromJsonAsync<ReservationResponse>($"/api/v1/reservations/{booked.Reservation.Id}", ReservationRequests.Json))!.Status
                    == "ready_for_pickup",
                Timeout, "the restarted gateway to apply the queued door events");
        }
    }

    private static Task WaitConnectedAsync(GatewayFixture gateway) =>
        Wait.UntilAsync(() => gateway.Factory.Service<LockerLinkClient>().IsServing, Timeout, "the locker link to connect and subscribe");
}
