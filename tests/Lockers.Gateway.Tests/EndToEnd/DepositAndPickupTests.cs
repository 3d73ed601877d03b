using System.Text.Json;
using Lockers.Core.Protocol;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>The parcel's whole life over real MQTT: REST booking, courier drop-off, recipient pickup, every door opened by a signed command.</summary>
public sealed class DepositAndPickupTests
{
    [Fact]
    public async Task BookDepositAndPickUp_OverMqtt_SignedUnlocksTakeTheParcelToPickedUp()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var booked = await system.Api.BookAsync();
        var reservationId = booked.Reservation.Id;
        var door = booked.Reservation.Compartment!.Value;

        // Courier: drop-off code on the keypad -> signed unlock of the booked door -> opened, closed.
        await locker.EnterCodeAsync(booked.DropoffCode);
        var dropoff = await locker.NextCommandAsync();
        Assert.True(dropoff.Accepted, $"the locker refused the gateway's unlock: {dropoff.Reason}");
        Assert.Equal((CommandActions.Unlock, door), (dropoff.Command!.Action, dropoff.Command.Compartment));
        await locker.AnswerAsync(dropoff);
        await locker.DoorAsync(door, DoorStates.Opened);
        await locker.DoorAsync(door, DoorStates.Closed);

        var ready = await system.Webhooks.NextOfTypeAsync(WebhookEvents.ReadyForPickup);
        var secrets = JsonDocument.Parse(ready.Body).RootElement.GetProperty("secrets");
        var pin = secrets.GetProperty("pickupPin").GetString()!;
        Assert.False(string.IsNullOrEmpty(secrets.GetProperty("qrToken").GetString()));
        Assert.Equal("ready_for_pickup", (await system.ReservationAsync(reservationId)).Status);

        // Recipient: PIN -> signed unlock with a higher counter -> opened consumes the PIN -> picked up.
        await locker.EnterCodeAsync(pin);
        var pickup = await locker.NextCommandAsync();
        Assert.True(pickup.Accepted, $"the locker refused the gateway's unlock: {pickup.Reason}");
        Assert.Equal((CommandActions.Unlock, door), (pickup.Command!.Action, pickup.Command.Compartment));
        Assert.True(pickup.Command.Counter > dropoff.Command.Counter);
        await locker.AnswerAsync(pickup);
        await locker.DoorAsync(door, DoorStates.Opened);
        await system.WaitForStatusAsync(reservationId, "picked_up");
        await locker.DoorAsync(door, DoorStates.Closed);

        // Both commands are in the store with the locker's answers.
        await Testing.Wait.UntilAsync(async () => (await system.CommandsAsync("test-a")).All(c => c.Result == CommandResults.Ok),
            TimeSpan.FromSeconds(15), "both command results to be recorded");
        Assert.Equal(2, (await system.CommandsAsync("test-a")).Count);
        Assert.Equal(0, system.Counters.DroppedTotal);
    }

    [Fact]
    public async Task PinEnteredAgain_AfterPickup_GetsDeny()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var booked = await system.Api.BookAsync();
        var door = booked.Reservation.Compartment!.Value;
        await locker.EnterCodeAsync(booked.DropoffCode);
        Assert.True((await locker.NextCommandAsync()).Accepted);
        await locker.DoorAsync(door, DoorStates.Opened);
        await locker.DoorAsync(door, DoorStates.Closed);
        var pin = JsonDocument.Parse((await system.Webhooks.NextOfTypeAsync(WebhookEvents.ReadyForPickup)).Body)
            .RootElement.GetProperty("secrets").GetProperty("pickupPin").GetString()!;
        await locker.EnterCodeAsync(pin);
        Assert.Equal(CommandActions.Unlock, (await locker.NextCommandAsync()).Command!.Action);
        await locker.DoorAsync(door, DoorStates.Opened);
        await locker.DoorAsync(door, DoorStates.Closed);

        await locker.EnterCodeAsync(pin);

        var again = await locker.NextCommandAsync();
        Assert.True(again.Accepted);
        Assert.Equal(CommandActions.Deny, again.Command!.Action);
    }
}
