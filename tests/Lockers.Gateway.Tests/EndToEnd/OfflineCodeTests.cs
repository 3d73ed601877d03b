using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Webhooks;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>
/// Offline code checks (issue 12, finding 8) with the real firmware in simulated lockers: cut off from the gateway, a locker
/// opens for the codes in its offline cache, journals it, and the gateway reconciles when the route is back: the code is
/// spent once, the parcel moves on once, every webhook arrives once under a stable id, and a code that no longer fits is a
/// conflict staff see, not a silent change.
/// </summary>
public sealed class OfflineCodeTests
{
    [Fact]
    public async Task OfflinePickup_RouteSilentlyLost_TheLockerOpensFromItsCache_AndTheGatewayReconcilesOnReconnect()
    {
        await using var site = await SimulatedSite.StartAsync();
        var a = await site.StartLockerAsync("test-a");
        var booked = await site.BookAsync("M");
        var door = booked.Reservation.Compartment!.Value;
        var pin = await site.DepositAsync(booked);
        await site.WaitOnlineWithCacheAsync("test-a", codes: 2); // the PIN and the QR token

        site.Relay("test-a").Drop();
        a.Type(pin + "#");
        await SimulatedSite.WaitForDoorAsync(a, door, open: true);
        a.Close(door);
        Assert.Equal(2, a.Cabinet[door].PulseCount); // deposit, pickup

        site.Relay("test-a").Pass();
        await site.WaitForStatusAsync(booked.Reservation.Id, "picked_up");
        await site.WebhookAsync(booked.Reservation.Id, WebhookEvents.PickedUp);
        // The spent PIN leaves the locker's cache with the next push; the locker journaled nothing twice.
        await site.WaitOnlineWithCacheAsync("test-a", codes: 0);
        var audit = await site.AuditAsync("test-a");
        Assert.Single(audit, e => e.Action == AuditActions.CodeOpenedOffline);
        Assert.Single(audit, e => e.Action == AuditActions.CodeConsumed && e.ReservationId == booked.Reservation.Id && e.Detail!.Contains("Pickup"));
        Assert.DoesNotContain(audit, e => e.Action == AuditActions.CodeOfflineConflict);
        Assert.Equal(2, a.Cabinet[door].PulseCount);
        Assert.Equal([WebhookEvents.Deposited, WebhookEvents.ReadyForPickup, WebhookEvents.PickedUp], site.WebhookTypesOf(booked.Reservation.Id));
        // Any answer the gateway sent the late entry was refused by the locker: only the deposit's unlock ran.
        Assert.Single(await site.CommandsAsync("test-a"), c => c.Action == CommandActions.Unlock && c.Result == CommandResults.Ok);
    }

    [Fact]
    public async Task OfflineDeposit_RouteStalled_TheLockerOpensFromItsCache_AndTheParcelBecomesReadyOnce()
    {
        await using var site = await SimulatedSite.StartAsync();
        var a = await site.StartLockerAsync("test-a");
        var booked = await site.BookAsync("L");
        var door = booked.Reservation.Compartment!.Value;
        await site.WaitOnlineWithCacheAsync("test-a", codes: 1); // the drop-off code

        site.Relay("test-a").Stall();
        a.Type(booked.DropoffCode + "#");
        await SimulatedSite.WaitForDoorAsync(a, door, open: true);
        a.Close(door);
        site.Relay("test-a").Pass();

        await site.WaitForStatusAsync(booked.Reservation.Id, "ready_for_pickup");
        var ready = await site.WebhookAsync(booked.Reservation.Id, WebhookEvents.ReadyForPickup);
        var pin = ready.Body.GetProperty("secrets").GetProperty("pickupPin").GetString()!;
        await site.WaitOnlineWithCacheAsync("test-a", codes: 2); // the new PIN and QR token, not the spent drop-off code
        Assert.Equal(1, a.Cabinet[door].PulseCount);
        Assert.Single(await site.AuditAsync("test-a"), e => e.Action == AuditActions.CodeOpenedOffline);
        Assert.DoesNotContain(await site.CommandsAsync("test-a"), c => c.Action == CommandActions.Unlock && c.Result == CommandResults.Ok);
        Assert.Equal([WebhookEvents.Deposited, WebhookEvents.ReadyForPickup], site.WebhookTypesOf(booked.Reservation.Id));

        // And the recipient picks it up online as usual.
        a.Type(pin + "#");
        await SimulatedSite.WaitForDoorAsync(a, door, open: true);
        await site.WaitForStatusAsync(booked.Reservation.Id, "picked_up");
        Assert.Equal(2, a.Cabinet[door].PulseCount);
    }

    [Fact]
    public async Task OfflineDeposit_ForABookingCancelledMeanwhile_IsAConflict_TheCompartmentGoesOutOfService_AndNothingElseChanges()
    {
        await using var site = await SimulatedSite.StartAsync();
        var a = await site.StartLockerAsync("test-a");
        var booked = await site.BookAsync("L");
        var door = booked.Reservation.Compartment!.Value;
        await site.WaitOnlineWithCacheAsync("test-a", codes: 1);

        site.Relay("test-a").Drop();
        using (var cancelled = await site.Api.PostAsync($"/api/v1/reservations/{booked.Reservation.Id}/cancel", null))
        {
            cancelled.EnsureSuccessStatusCode();
        }

        // The cut-off locker cannot learn of the cancellation: its cache still opens the door for the courier.
        a.Type(booked.DropoffCode + "#");
        await SimulatedSite.WaitForDoorAsync(a, door, open: true);
        a.Close(door);
        site.Relay("test-a").Pass();

        await site.WaitAsync(async () => (await site.CompartmentAsync("test-a", door))?.InService == false,
            $"compartment {door} to be taken out of service");
        Assert.Single(await site.AuditAsync("test-a"), e => e.Action == AuditActions.CodeOfflineConflict);
        await Wait.UntilAsync(async () => (await site.Store.ReadAsync(tx => tx.Monitoring.ListAlarmsAsync("test-a", true, 20)))
            .Any(alarm => alarm.Kind == AlarmKinds.OfflineConflict), SimulatedSite.Timeout, "the offline_conflict alarm");
        Assert.Equal("cancelled", (await site.ReservationAsync(booked.Reservation.Id)).Status);
        Assert.Empty(site.WebhookTypesOf(booked.Reservation.Id));
        Assert.Equal(1, a.Cabinet[door].PulseCount);
    }
}
