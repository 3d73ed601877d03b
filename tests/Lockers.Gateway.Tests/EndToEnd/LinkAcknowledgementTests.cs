using System.Net.Http.Json;
using Lockers.Core.Protocol;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// Commit, then acknowledge: a message the gateway received but had not applied when it stopped is still with
/// the broker, which redelivers it to the next gateway of the same session.
/// </summary>
public sealed class LinkAcknowledgementTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    [Fact]
    public async Task DoorEventReceivedButNotCommitted_WhenTheGatewayStops_IsRedeliveredAndApplied()
    {
        await using var broker = await LockerBroker.StartAsync();
        using var data = new TempDirectory();
        var settings = broker.ProvisioningSettings();
        foreach (var (key, value) in broker.LinkSettings(TestIds.ClientId(role: "gateway")))
        {
            settings[key] = value;
        }

        // Short busy waits so the blocked unit of work gives up quickly once the gateway stops.
        settings["Store:BusyTimeoutMs"] = "500";

        BookedReservationResponse booked;
        CreatedApiKey apiKey;
        MqttTestLocker locker;
        int door;
        using (var before = new GatewayFixture(settings, data))
        {
            await before.ImportTestSiteAsync();
            await Wait.UntilAsync(() => before.Factory.Service<LockerLinkClient>().IsServing, Timeout, "the locker link to serve");
            apiKey = await before.CreateKeyAsync();
            booked = await before.HttpFor(apiKey).BookAsync();
            var provisioned = await before.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId,
                "test-a", RepositoryRoot.DevKitBoard, broker.Broker.Host, broker.Port, false, data.File("test-a")), "test");
            locker = await MqttTestLocker.ConnectAsync(provisioned.ConfigPath, before.Time);
            await locker.EnterCodeAsync(booked.DropoffCode);
            Assert.Equal(CommandActions.Unlock, (await locker.NextCommandAsync()).Command!.Action);
            door = booked.Reservation.Compartment!.Value;

            // Another writer holds the database: the door event arrives, and its unit of work cannot commit.
            await using var blocker = new SqliteConnection($"Data Source={before.DatabasePath}");
            await blocker.OpenAsync();
            await using (var begin = blocker.CreateCommand())
            {
                begin.CommandText = "BEGIN IMMEDIATE;";
                await begin.ExecuteNonQueryAsync();
            }

            var counters = before.Factory.Service<LinkCounters>();
            var received = counters.Received;
            await locker.DoorAsync(door, DoorStates.Opened);
            await Wait.UntilAsync(() => counters.Received > received, Timeout, "the gateway to receive the door event");

            // The gateway stops while the event is still being retried; the writer lets go only after that.
            before.Dispose();
            await using (var rollback = blocker.CreateCommand())
            {
                rollback.CommandText = "ROLLBACK;";
                await rollback.ExecuteNonQueryAsync();
            }
        }

        await using (locker)
        {
            await locker.DoorAsync(door, DoorStates.Closed);
            using var after = new GatewayFixture(settings, data);
            var api = after.HttpFor(apiKey);

            // "ready_for_pickup" needs the opened event the first gateway never acknowledged, then the closed one.
            await Wait.UntilAsync(async () =>
                (await api.GetFromJsonAsync<ReservationResponse>($"/api/v1/reservations/{booked.Reservation.Id}", ReservationRequests.Json))!.Status
                    == "ready_for_pickup",
                Timeout, "the restarted gateway to apply the redelivered opened event and the closed one");
        }
    }
}
