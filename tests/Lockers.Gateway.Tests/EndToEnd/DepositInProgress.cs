using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using Lockers.Core.Protocol;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Link;
using Lockers.Gateway.Provisioning;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// The first half of a gateway-restart test: a gateway on its own data directory (so a second one can take
/// over), locker test-a provisioned and connected, and a booked parcel whose drop-off code has just been
/// answered with an unlock. What happens to the door events next is the test's business.
/// </summary>
internal sealed record DepositInProgress(CreatedApiKey ApiKey, BookedReservationResponse Booked, MqttTestLocker Locker)
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);

    public int Door => Booked.Reservation.Compartment!.Value;

    /// <summary>Settings for every gateway of the test: the broker's files and one stable link client id, so they share a session.</summary>
    public static Dictionary<string, string?> Settings(LockerBroker broker, [CallerMemberName] string test = "")
    {
        var settings = broker.ProvisioningSettings();
        foreach (var (key, value) in broker.LinkSettings(TestIds.ClientId(test, "gateway")))
        {
            settings[key] = value;
        }

        return settings;
    }

    public static async Task<DepositInProgress> StartAsync(GatewayFixture gateway, LockerBroker broker, TempDirectory data)
    {
        await gateway.ImportTestSiteAsync();
        await Wait.UntilAsync(() => gateway.Factory.Service<LockerLinkClient>().IsServing, Timeout, "the locker link to connect and subscribe");
        var apiKey = await gateway.CreateKeyAsync();
        var booked = await gateway.HttpFor(apiKey).BookAsync();
        var provisioned = await gateway.Factory.Service<LockerProvisioner>().ProvisionAsync(new LockerProvisionRequest(GatewayFixture.SiteId,
            "test-a", RepositoryRoot.DevKitBoard, broker.Broker.Host, broker.Port, data.File("test-a")), "test");
        var locker = await MqttTestLocker.ConnectAsync(provisioned.ConfigPath, gateway.Time);
        await locker.EnterCodeAsync(booked.DropoffCode);
        Assert.Equal(CommandActions.Unlock, (await locker.NextCommandAsync()).Command!.Action);
        return new DepositInProgress(apiKey, booked, locker);
    }

    /// <summary>Waits until <paramref name="gateway"/> (usually the second one) reports the parcel ready for pickup.</summary>
    public Task WaitReadyForPickupAsync(GatewayFixture gateway, string what)
    {
        var api = gateway.HttpFor(ApiKey);
        return Wait.UntilAsync(async () =>
            (await api.GetFromJsonAsync<ReservationResponse>($"/api/v1/reservations/{Booked.Reservation.Id}", ReservationRequests.Json))!.Status
                == "ready_for_pickup",
            Timeout, what);
    }
}
