using Lockers.Gateway.Webhooks;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Dashboard;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>Maintenance moves a parcel out of a broken compartment; the carrier hears about it.</summary>
public sealed class ParcelMoveTests
{
    private static async Task<(GatewayFixture Gateway, string ReservationId, CompartmentRef Held)> DepositedParcelAsync()
    {
        var gateway = new GatewayFixture(new Dictionary<string, string?> { ["Webhooks:DispatcherEnabled"] = "false" });
        await gateway.ImportTestSiteAsync();
        var key = await gateway.CreateKeyAsync("acme", "https://carrier.example/hooks");
        var booked = await gateway.HttpFor(key).BookAsync();
        await new LockerDriver(gateway.Factory).DepositAsync(booked.DropoffCode);
        var reservation = await gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Reservations.GetAsync(booked.Reservation.Id));
        return (gateway, reservation!.Id, reservation.Compartment!.Value);
    }

    [Fact]
    public async Task Move_ParcelToFreeCompartment_RehomesItAuditsAndQueuesParcelMoved()
    {
        var (gateway, reservationId, held) = await DepositedParcelAsync();
        using var _ = gateway;
        var target = new CompartmentRef("test-a", 3);

        var outcome = await gateway.Factory.Service<ParcelMoveService>().MoveAsync(held, target, "alice");

        Assert.True(outcome.Done, outcome.Problem);
        var store = gateway.Factory.Service<ILockerStore>();
        Assert.Equal(target, (await store.ExecuteAsync(tx => tx.Reservations.GetAsync(reservationId)))!.Compartment);
        Assert.Null(await store.ExecuteAsync(tx => tx.Reservations.FindHoldingAsync(held)));
        Assert.Equal(reservationId, (await store.ExecuteAsync(tx => tx.Reservations.FindHoldingAsync(target)))!.Id);
        var outbox = await store.ExecuteAsync(tx => tx.Outbox.ListAsync(reservationId, 20));
        Assert.Contains(outbox, message => message.EventType == WebhookEvents.ParcelMoved);
        var audit = await store.ExecuteAsync(tx => tx.Monitoring.ListAuditAsync(held.LockerId, 20));
        Assert.Contains(audit, e => e.Action == AuditActions.ParcelMoved && e.Actor == "staff:alice" && e.Detail == $"moved to {target}");
    }

    [Fact]
    public async Task Move_ToCompartmentHeldByAnotherParcel_IsRefusedAndChangesNothing()
    {
        var (gateway, reservationId, held) = await DepositedParcelAsync();
        using var _ = gateway;
        var other = await gateway.HttpFor(await gateway.CreateKeyAsync("other")).BookAsync();
        var store = gateway.Factory.Service<ILockerStore>();
        var taken = (await store.ExecuteAsync(tx => tx.Reservations.GetAsync(other.Reservation.Id)))!.Compartment!.Value;

        var outcome = await gateway.Factory.Service<ParcelMoveService>().MoveAsync(held, taken, "alice");

        Assert.False(outcome.Done);
        Assert.Equal(StatusCodes.Status409Conflict, outcome.Status);
        Assert.Equal(held, (await store.ExecuteAsync(tx => tx.Reservations.GetAsync(reservationId)))!.Compartment);
        Assert.Equal(reservationId, (await store.ExecuteAsync(tx => tx.Reservations.FindHoldingAsync(held)))!.Id);
    }

    [Fact]
    public async Task Move_FromEmptyCompartment_IsRefused()
    {
        var (gateway, _, _) = await DepositedParcelAsync();
        using var fixture = gateway;

        var outcome = await gateway.Factory.Service<ParcelMoveService>().MoveAsync(new CompartmentRef("test-b", 1), new CompartmentRef("test-a", 4), "alice");

        Assert.Equal((false, StatusCodes.Status409Conflict), (outcome.Done, outcome.Status));
    }
}
