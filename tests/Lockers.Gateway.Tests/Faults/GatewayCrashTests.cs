using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Tests.Faults;

/// <summary>
/// The gateway killed (SIGKILL, as kill -9) at chosen points of a deposit and of a pickup, by its own test-only crash
/// point: before its group commit, after it (nothing published), and after publishing (commands and acks out, no
/// PUBACK given). A new gateway process then takes over the same store and broker session. Each run ends with the
/// parcel picked up and checks: nothing lost, nothing applied twice, every webhook under one id, every locker journal
/// confirmed.
/// </summary>
public sealed class GatewayCrashTests
{
    private static readonly string[] AllWebhooks = [WebhookEvents.Deposited, WebhookEvents.ReadyForPickup, WebhookEvents.PickedUp];

    [Theory]
    [InlineData("before-commit:door:closed")]
    [InlineData("after-commit:door:closed")]
    [InlineData("after-publish:door:closed")]
    [InlineData("after-commit:door:opened")]
    public async Task Deposit_GatewayKilledAtAPoint_ParcelBecomesReadyOnceAndIsPickedUp(string crashPoint)
    {
        await using var site = await FaultSite.CreateAsync();
        var gateway = await site.StartGatewayProcessAsync(crashPoint);
        await site.StartLockersAsync("test-a");
        var booked = await site.BookAsync();
        var id = booked.Reservation.Id;
        var door = booked.Reservation.Compartment!.Value;

        await site.EnterCodeAndWaitOpenAsync("test-a", booked.DropoffCode, door);
        site.Locker("test-a").Close(door);
        await gateway.WaitForExitAsync(FaultSite.Timeout, $"its crash point {crashPoint}");

        await site.StartGatewayProcessAsync();
        await site.WaitStatusAsync(id, "ready_for_pickup");
        var pin = await site.PickupPinAsync(id);
        await site.EnterCodeAndWaitOpenAsync("test-a", pin, door);
        site.Locker("test-a").Close(door);
        await site.WaitStatusAsync(id, "picked_up");

        await site.AssertNothingLostAsync(id, "picked_up", consumed: 2, AllWebhooks);
    }

    [Theory]
    [InlineData("before-commit:code_entered", false)]
    [InlineData("after-commit:code_entered", true)]
    [InlineData("after-publish:code_entered", false)]
    [InlineData("before-commit:door:opened", false)]
    [InlineData("after-commit:door:opened", false)]
    public async Task Pickup_GatewayKilledAtAPoint_ParcelIsPickedUpOnce(string crashPoint, bool answerLost)
    {
        await using var site = await FaultSite.CreateAsync();
        var first = await site.StartGatewayProcessAsync();
        await site.StartLockersAsync("test-a");
        var (id, door, pin) = await site.DepositAsync("test-a");
        await first.KillAsync();
        var crashing = await site.StartGatewayProcessAsync(crashPoint);

        site.Locker("test-a").Type(pin + "#");
        await crashing.WaitForExitAsync(FaultSite.Timeout, $"its crash point {crashPoint}");
        await site.StartGatewayProcessAsync();
        if (answerLost)
        {
            // Committed but never published: the unlock is lost (the safe direction, ADR 0200); the person types again.
            await site.WaitJournalsEmptyAsync("the new gateway to take the redelivered code entry as a duplicate");
            site.Locker("test-a").Type(pin + "#");
        }

        await site.WaitDoorAsync("test-a", door, open: true);
        site.Locker("test-a").Close(door);
        await site.WaitStatusAsync(id, "picked_up");

        await site.AssertNothingLostAsync(id, "picked_up", consumed: 2, AllWebhooks);
    }
}
