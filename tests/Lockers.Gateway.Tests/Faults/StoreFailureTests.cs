using System.Net;
using System.Net.Http.Json;
using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;
using Lockers.Gateway.Store.Sqlite;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Tests.Localization;
using Lockers.Gateway.Webhooks;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Faults;

/// <summary>
/// Issue 12, finding 1: the database refuses writes (read-only, or its disk full) in the middle of a deposit and of a
/// pickup. The failure is SQLite's own (Store:FaultInjection: query_only / max_page_count on the real file). Nothing is
/// acknowledged meanwhile (the broker holds the messages), /health is Unhealthy naming the reason, store_unavailable is
/// announced, a booking gets 503 with a problem document; once the store takes writes again everything is applied once,
/// by itself, and the alarm is stored raised and cleared. Before, each event was retried three times, then logged lost
/// and acknowledged.
/// </summary>
public sealed class StoreFailureTests
{
    private static readonly string[] AllWebhooks = [WebhookEvents.Deposited, WebhookEvents.ReadyForPickup, WebhookEvents.PickedUp];

    [Theory]
    [InlineData(StoreFault.ReadOnly, "readonly")]
    [InlineData(StoreFault.DiskFull, "full")]
    public async Task Deposit_StoreRefusesWrites_DoorEventIsHeldThenAppliedWhenTheStoreIsBack(StoreFault fault, string reason)
    {
        await using var site = await FaultSite.CreateAsync(gatewayInProcess: true);
        var gateway = await site.StartGatewayInProcessAsync();
        await site.StartLockersAsync("test-a");
        var booked = await site.BookAsync();
        var id = booked.Reservation.Id;
        var door = booked.Reservation.Compartment!.Value;
        await site.EnterCodeAndWaitOpenAsync("test-a", booked.DropoffCode, door);
        await site.WaitJournalsEmptyAsync("the opened event to be confirmed");

        await BreakAsync(gateway, fault, () => site.Locker("test-a").Close(door));
        await AssertHeldAndSaidAsync(site, gateway, reason);
        Assert.Equal(1, site.Locker("test-a").Controller!.JournalDepth); // the locker still holds the closed event

        gateway.Factory.Service<SqliteFaults>().Fault = StoreFault.None;
        await site.WaitStatusAsync(id, "ready_for_pickup");
        var pin = await site.PickupPinAsync(id);
        await site.EnterCodeAndWaitOpenAsync("test-a", pin, door);
        site.Locker("test-a").Close(door);
        await site.WaitStatusAsync(id, "picked_up");
        await AssertRecoveredAsync(site, gateway);
        await site.AssertNothingLostAsync(id, "picked_up", consumed: 2, AllWebhooks);
    }

    [Theory]
    [InlineData(StoreFault.ReadOnly, "readonly")]
    [InlineData(StoreFault.DiskFull, "full")]
    public async Task Pickup_StoreRefusesWritesWhenThePinIsTyped_AnsweredOnceTheStoreIsBack(StoreFault fault, string reason)
    {
        await using var site = await FaultSite.CreateAsync(gatewayInProcess: true);
        var gateway = await site.StartGatewayInProcessAsync();
        await site.StartLockersAsync("test-a");
        var (id, door, pin) = await site.DepositAsync("test-a");
        await site.WaitJournalsEmptyAsync("the deposit to be confirmed");

        await BreakAsync(gateway, fault, () => site.Locker("test-a").Type(pin + "#"));
        await AssertHeldAndSaidAsync(site, gateway, reason);
        Assert.False(site.Locker("test-a").Cabinet[door].IsOpen); // no answer yet, so no door opened

        gateway.Factory.Service<SqliteFaults>().Fault = StoreFault.None;
        await site.WaitDoorAsync("test-a", door, open: true);
        site.Locker("test-a").Close(door);
        await site.WaitStatusAsync(id, "picked_up");
        await AssertRecoveredAsync(site, gateway);
        await site.AssertNothingLostAsync(id, "picked_up", consumed: 2, AllWebhooks);
    }

    // Switches the fault on, then does what the locker does; returns once the link has met the refusal.
    private static async Task BreakAsync(GatewayFixture gateway, StoreFault fault, Action lockerAction)
    {
        gateway.Factory.Service<SqliteFaults>().Fault = fault;
        var counters = gateway.Factory.Service<LinkCounters>();
        var retries = counters.Retries;
        lockerAction();
        await Wait.UntilAsync(() => counters.Retries > retries + 1, FaultSite.Timeout, "the link to meet the refusing store and try again");
    }

    private static async Task AssertHeldAndSaidAsync(FaultSite site, GatewayFixture gateway, string reason)
    {
        // Not acknowledged: the message waits in the link's client, unacknowledged, and so at the broker.
        Assert.True(gateway.Factory.Service<LockerLinkClient>().Client.UnacknowledgedMessageCount > 0);
        Assert.Equal(0, gateway.Factory.Service<LinkCounters>().Dropped(LinkDropReason.Failed));
        Assert.NotNull(gateway.Factory.Service<StoreAvailability>().Outage);

        var health = await gateway.Factory.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, health.StatusCode);
        var store = (await health.ReadJsonAsync()).GetProperty("checks").GetProperty("store");
        Assert.Equal("Unhealthy", store.GetProperty("status").GetString());
        Assert.Contains(reason, store.GetProperty("description").GetString());

        using var api = site.Api();
        var booking = await api.PostAsJsonAsync("/api/v1/reservations", ReservationRequests.Booking("M"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, booking.StatusCode);
        Assert.Equal("application/problem+json", booking.Content.Headers.ContentType?.MediaType);
        Assert.Equal("The store is unavailable", (await booking.ReadJsonAsync()).GetProperty("title").GetString());
        Assert.True(booking.Headers.RetryAfter is not null);

        await Wait.UntilAsync(() => site.AlarmWebhooks("raised", AlarmKinds.StoreUnavailable).Count == 1, FaultSite.Timeout,
            "the store_unavailable alarm to be announced");
    }

    private static async Task AssertRecoveredAsync(FaultSite site, GatewayFixture gateway)
    {
        Assert.Null(gateway.Factory.Service<StoreAvailability>().Outage);
        Assert.Equal(HttpStatusCode.OK, (await gateway.Factory.CreateClient().GetAsync("/health")).StatusCode);
        await Wait.UntilAsync(() => site.AlarmWebhooks("cleared", AlarmKinds.StoreUnavailable).Count == 1, FaultSite.Timeout,
            "the store_unavailable alarm to be cleared");
        var stored = await gateway.Factory.Service<ILockerStore>().ReadAsync(tx => tx.Monitoring.ListAlarmsAsync(StoreOutageAlarm.Subject, false, 10));
        var alarm = Assert.Single(stored);
        Assert.Equal(AlarmKinds.StoreUnavailable, alarm.Kind);
        Assert.NotNull(alarm.ClearedAt);
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(alarm.Detail);
    }
}
