using Lockers.Gateway.Webhooks;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.Faults;

/// <summary>
/// Issue 12, finding 2: the broker acknowledged events while the gateway was down, then was killed (SIGKILL) between
/// its autosaves (the test broker never autosaves), losing them. The lockers kept them because only the gateway's ack
/// deletes an event, so they are sent again and applied once. Before end-to-end acks the broker's PUBACK deleted them.
/// </summary>
public sealed class BrokerCrashTests
{
    private static readonly string[] AllWebhooks = [WebhookEvents.Deposited, WebhookEvents.ReadyForPickup, WebhookEvents.PickedUp];

    /// <summary>Time for a resend to arrive when the locker's first resend after reconnecting found no gateway subscribed yet.</summary>
    private static readonly TimeSpan ResendTimeout = TimeSpan.FromSeconds(75);

    [Fact]
    public async Task Deposit_DoorClosedWhileGatewayDown_BrokerKilled_EventIsResentAndApplied()
    {
        await using var site = await FaultSite.CreateAsync();
        var gateway = await site.StartGatewayProcessAsync();
        await site.StartLockersAsync("test-a");
        var booked = await site.BookAsync();
        var id = booked.Reservation.Id;
        var door = booked.Reservation.Compartment!.Value;
        await site.EnterCodeAndWaitOpenAsync("test-a", booked.DropoffCode, door);
        await site.WaitJournalsEmptyAsync("the opened event to be confirmed");
        await gateway.KillAsync();

        site.Locker("test-a").Close(door);
        await WaitAcceptedByTheBrokerAsync(site, "the closed event");
        await KillAndRestartBrokerAndGatewayAsync(site);

        await Wait.UntilAsync(async () => await StatusOrNullAsync(site, id) == "ready_for_pickup", ResendTimeout,
            "the resent closed event to make the parcel ready");
        var pin = await site.PickupPinAsync(id);
        await site.EnterCodeAndWaitOpenAsync("test-a", pin, door);
        site.Locker("test-a").Close(door);
        await site.WaitStatusAsync(id, "picked_up");
        await site.AssertNothingLostAsync(id, "picked_up", consumed: 2, AllWebhooks);
    }

    [Fact]
    public async Task Pickup_GatewayDiesAfterTheUnlock_BrokerKilledWithTheOpenedEvent_PickupIsRecordedOnce()
    {
        await using var site = await FaultSite.CreateAsync();
        var first = await site.StartGatewayProcessAsync();
        await site.StartLockersAsync("test-a");
        var (id, door, pin) = await site.DepositAsync("test-a");
        await first.KillAsync();
        var crashing = await site.StartGatewayProcessAsync("after-publish:code_entered");

        // The unlock goes out, then the gateway dies; the door opens with nobody there to apply it.
        await site.EnterCodeAndWaitOpenAsync("test-a", pin, door);
        await crashing.WaitForExitAsync(FaultSite.Timeout, "its crash point after publishing the unlock");
        await WaitAcceptedByTheBrokerAsync(site, "the opened event");
        await KillAndRestartBrokerAndGatewayAsync(site);

        await Wait.UntilAsync(async () => await StatusOrNullAsync(site, id) == "picked_up", ResendTimeout,
            "the resent opened event to record the pickup");
        site.Locker("test-a").Close(door);
        await site.AssertNothingLostAsync(id, "picked_up", consumed: 2, AllWebhooks);
    }

    // The broker has PUBACKed every event the locker sent (it holds them for the gateway's session), none confirmed yet.
    private static Task WaitAcceptedByTheBrokerAsync(FaultSite site, string what) =>
        Wait.UntilAsync(() => site.Locker("test-a").Controller is { JournalDepth: > 0, EventsAwaitingBroker: 0 }, FaultSite.Timeout,
            $"the broker to accept {what}");

    // SIGKILL: nothing the broker held since its last save survives. The gateway is started while the broker is down, so
    // it is likelier to be subscribed before the locker's resend (if not, the locker's ack timeout sends it again).
    private static async Task KillAndRestartBrokerAndGatewayAsync(FaultSite site)
    {
        await site.Broker.Broker.KillAsync();
        var starting = site.StartGatewayProcessAsync();
        await site.Broker.Broker.StartAsync();
        await starting;
    }

    private static async Task<string?> StatusOrNullAsync(FaultSite site, string id)
    {
        try
        {
            return await site.StatusAsync(id);
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
