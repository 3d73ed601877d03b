using System.Text.Json;
using Lockers.Gateway.Dashboard;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>Taking doors out of service tells everyone concerned what happened to the bookings and parcels behind them.</summary>
public sealed class ServiceStateTests
{
    [Fact]
    public async Task ReservedDoorOutOfService_BookingMovesAtOnce_CarrierGetsRelocated_AndTheAnswerSaysWhere()
    {
        using var gateway = new GatewayFixture(new Dictionary<string, string?> { ["Webhooks:DispatcherEnabled"] = "false" });
        await gateway.ImportTestSiteAsync();
        var booked = await gateway.HttpFor(await gateway.CreateKeyAsync("acme", "https://carrier.example/hooks"))
            .BookAsync(ReservationRequests.Booking("M"));
        Assert.Equal(("test-a", 3), (booked.Reservation.LockerId, booked.Reservation.Compartment));

        var outcome = await gateway.Factory.Service<ServiceStateService>().SetCompartmentAsync(new CompartmentRef("test-a", 3), false, "mia");

        Assert.True(outcome.Done, outcome.Problem);
        var store = gateway.Factory.Service<ILockerStore>();
        var moved = (await store.ExecuteAsync(tx => tx.Reservations.GetAsync(booked.Reservation.Id)))!;
        Assert.Equal(new CompartmentRef("test-a", 4), moved.Compartment);
        var relocated = Assert.Single(await store.ExecuteAsync(tx => tx.Outbox.ListAsync(booked.Reservation.Id, 20)),
            message => message.EventType == WebhookEvents.Relocated);
        Assert.Contains("\"compartment\":4", relocated.Payload);
        var answer = JsonSerializer.SerializeToElement(outcome.Data, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Contains($"Booking {booked.Reservation.ParcelReference} moved to Cabinet A, door 4; the carrier is told.",
            answer.GetProperty("summary").GetString());
        // The courier's code opens the new door.
        var check = await new LockerDriver(gateway.Factory).EnterAsync(booked.DropoffCode, keypad: "courier");
        Assert.Equal(new CompartmentRef("test-a", 4), check.Compartment);
    }

    [Fact]
    public async Task WholeLockerOutOfService_AnswerCountsTheParcelsInside_AndTheirWindowsPause()
    {
        using var gateway = new GatewayFixture(new Dictionary<string, string?> { ["Webhooks:DispatcherEnabled"] = "false" });
        await gateway.ImportTestSiteAsync();
        var http = gateway.HttpFor(await gateway.CreateKeyAsync("acme"));
        var driver = new LockerDriver(gateway.Factory);
        await driver.DepositAsync((await http.BookAsync(ReservationRequests.Booking("S"))).DropoffCode);
        await driver.DepositAsync((await http.BookAsync(ReservationRequests.Booking("S"))).DropoffCode);

        var outcome = await gateway.Factory.Service<ServiceStateService>().SetLockerAsync("test-a", false, "mia");

        var answer = JsonSerializer.SerializeToElement(outcome.Data, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        Assert.Equal(2, answer.GetProperty("parcelsInside").GetArrayLength());
        Assert.Contains("2 parcels inside", answer.GetProperty("summary").GetString());
        Assert.Contains("pickup window is paused", answer.GetProperty("summary").GetString());
    }
}
