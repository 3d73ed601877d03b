using Lockers.Gateway.Audit;
using Lockers.Gateway.Dashboard;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Webhooks;
using Microsoft.AspNetCore.Http;

namespace Lockers.Gateway.Tests.Monitoring;

/// <summary>
/// Maintenance moves a parcel out of a broken compartment as a guided physical task (ADR 0305): the parcel's door opens,
/// then the target's; the recipient's codes follow the parcel, and the carrier hears of it, only when the target door
/// closed on it.
/// </summary>
public sealed class ParcelMoveTests
{
    private static async Task<(GatewayFixture Gateway, string ReservationId, CompartmentRef Held, IssuedPickupCodesView Codes)> DepositedParcelAsync()
    {
        var gateway = new GatewayFixture(new Dictionary<string, string?> { ["Webhooks:DispatcherEnabled"] = "false" });
        await gateway.ImportTestSiteAsync();
        var key = await gateway.CreateKeyAsync("acme", "https://carrier.example/hooks");
        var booked = await gateway.HttpFor(key).BookAsync();
        var codes = await Driver(gateway).DepositAsync(booked.DropoffCode);
        var reservation = await gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Reservations.GetAsync(booked.Reservation.Id));
        return (gateway, reservation!.Id, reservation.Compartment!.Value, new IssuedPickupCodesView(codes.Pin));
    }

    private sealed record IssuedPickupCodesView(string Pin);

    // One driver per gateway: each door event needs a sequence number the gateway has not applied yet.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<GatewayFixture, LockerDriver> Drivers = new();

    private static LockerDriver Driver(GatewayFixture gateway) => Drivers.GetValue(gateway, g => new LockerDriver(g.Factory));

    private static Task<Reservation?> ReservationAsync(GatewayFixture gateway, string id) =>
        gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Reservations.GetAsync(id));

    private static async Task<bool> ParcelMovedQueuedAsync(GatewayFixture gateway, string id) =>
        (await gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Outbox.ListAsync(id, 20)))
            .Any(message => message.EventType == WebhookEvents.ParcelMoved);

    [Fact]
    public async Task Move_GuidedThroughBothDoors_CodesFollowTheParcelAndTheCarrierIsToldOnlyWhenTheTargetDoorClosed()
    {
        var (gateway, reservationId, held, codes) = await DepositedParcelAsync();
        using var _ = gateway;
        var target = new CompartmentRef("test-a", 3);
        var locker = Driver(gateway);
        var doors = gateway.Factory.Service<DoorEventService>();

        var started = await gateway.Factory.Service<ParcelMoveService>().StartAsync(held, target, "alice");

        Assert.True(started.Done, started.Problem);
        // Nothing moved yet: the parcel is still behind its own door, whose unlock is what staff wait for.
        var moving = (await ReservationAsync(gateway, reservationId))!;
        Assert.Equal((held, target, MoveStep.Requested), (moving.Compartment, moving.Move!.Target, moving.Move.Step));
        Assert.NotEqual(target, (await gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Registry.FindFreeCompartmentAsync(
            GatewayFixture.SiteId, Lockers.Core.Board.CompartmentSize.M, false)))?.Ref); // held for the move
        Assert.False(await ParcelMovedQueuedAsync(gateway, reservationId));

        var sourceOpened = await doors.ApplyOpenedAsync(held.LockerId, held.Number, locker.NextSeq(), null);
        Assert.Equal(target, sourceOpened.OpenNext); // the link unlocks the target next
        await locker.ClosedAsync(held);
        // Staff have the parcel in hand: the recipient is told so, the door does not open.
        var meanwhile = await locker.EnterAsync(codes.Pin);
        Assert.Equal((CodeCheckOutcome.Unavailable, DoorUnavailable.ParcelBeingMoved), (meanwhile.Outcome, meanwhile.Unavailable));

        await doors.ApplyOpenedAsync(target.LockerId, target.Number, locker.NextSeq(), null);
        Assert.Equal(held, (await ReservationAsync(gateway, reservationId))!.Compartment);
        Assert.False(await ParcelMovedQueuedAsync(gateway, reservationId));

        var closed = await locker.ClosedAsync(target);

        Assert.True(closed.Moved);
        var moved = (await ReservationAsync(gateway, reservationId))!;
        Assert.Equal((target, null), (moved.Compartment, moved.Move));
        Assert.True(await ParcelMovedQueuedAsync(gateway, reservationId));
        var store = gateway.Factory.Service<ILockerStore>();
        Assert.Null(await store.ExecuteAsync(tx => tx.Reservations.FindHoldingAsync(held)));
        Assert.Equal(reservationId, (await store.ExecuteAsync(tx => tx.Reservations.FindHoldingAsync(target)))!.Id);
        var audit = await store.ExecuteAsync(tx => tx.Monitoring.ListAuditAsync(held.LockerId, 50));
        Assert.Contains(audit, e => e.Action == AuditActions.ParcelMoveRequested && e.Actor == "staff:alice");
        Assert.Contains(audit, e => e.Action == AuditActions.ParcelMoved && e.Detail == $"moved to {target}");
        var pickup = await locker.EnterAsync(codes.Pin);
        Assert.Equal((CodeCheckOutcome.Accepted, target), (pickup.Outcome, pickup.Compartment));
    }

    [Fact]
    public async Task Move_CancelledBeforeTheTargetDoorOpened_ParcelStaysAndTheTargetIsFreeAgain()
    {
        var (gateway, reservationId, held, codes) = await DepositedParcelAsync();
        using var _ = gateway;
        var moves = gateway.Factory.Service<ParcelMoveService>();
        var target = new CompartmentRef("test-a", 3);
        await moves.StartAsync(held, target, "alice");

        var cancelled = await moves.CancelAsync(held, "alice");

        Assert.True(cancelled.Done, cancelled.Problem);
        var reservation = (await ReservationAsync(gateway, reservationId))!;
        Assert.Equal((held, null), (reservation.Compartment, reservation.Move));
        Assert.Equal(target, (await gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx =>
            tx.Registry.FindFreeCompartmentAsync(GatewayFixture.SiteId, Lockers.Core.Board.CompartmentSize.M, false)))!.Ref);
        Assert.Equal(CodeCheckOutcome.Accepted, (await Driver(gateway).EnterAsync(codes.Pin)).Outcome);
        Assert.False(await ParcelMovedQueuedAsync(gateway, reservationId));
    }

    [Fact]
    public async Task Move_ToCompartmentHeldByAnotherParcel_IsRefusedAndChangesNothing()
    {
        var (gateway, reservationId, held, _) = await DepositedParcelAsync();
        using var fixture = gateway;
        var other = await gateway.HttpFor(await gateway.CreateKeyAsync("other")).BookAsync();
        var store = gateway.Factory.Service<ILockerStore>();
        var taken = (await store.ExecuteAsync(tx => tx.Reservations.GetAsync(other.Reservation.Id)))!.Compartment!.Value;

        var outcome = await gateway.Factory.Service<ParcelMoveService>().StartAsync(held, taken, "alice");

        Assert.False(outcome.Done);
        Assert.Equal(StatusCodes.Status409Conflict, outcome.Status);
        var reservation = (await ReservationAsync(gateway, reservationId))!;
        Assert.Equal((held, null), (reservation.Compartment, reservation.Move));
        Assert.Equal(reservationId, (await store.ExecuteAsync(tx => tx.Reservations.FindHoldingAsync(held)))!.Id);
    }

    [Fact]
    public async Task Move_FromEmptyCompartment_IsRefused()
    {
        var (gateway, _, _, _) = await DepositedParcelAsync();
        using var fixture = gateway;

        var outcome = await gateway.Factory.Service<ParcelMoveService>().StartAsync(new CompartmentRef("test-b", 1), new CompartmentRef("test-a", 4), "alice");

        Assert.Equal((false, StatusCodes.Status409Conflict), (outcome.Done, outcome.Status));
    }
}
