using System.Text.Json;
using Lockers.Core.Protocol;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Webhooks;
using Lockers.Testing;

namespace Lockers.Gateway.Tests.EndToEnd;

/// <summary>Status, jams and late codes over MQTT: what keeps a recipient from losing a parcel, and a stranger from getting one.</summary>
public sealed class AvailabilityTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task LockerCrash_LastWillOffline_PausesThePickupWindow_AndBirthResumesIt()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var (reservationId, _) = await DepositAsync(system, locker);

        await locker.CrashAsync();

        await Wait.UntilAsync(async () => (await system.ReservationAsync(reservationId)).PickupWindowPaused, Timeout, "the window to pause");
        var back = await MqttTestLocker.ConnectAsync(Path.Combine(system.Gateway.DataDirectory, "provisioned", "test-a", "locker.json"), system.Gateway.Time);
        await using (back)
        {
            await Wait.UntilAsync(async () => !(await system.ReservationAsync(reservationId)).PickupWindowPaused, Timeout, "the window to resume");
        }
    }

    [Fact]
    public async Task JammedDoor_KeepsThePinValid_AndRaisesAnAlarm()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var (_, pin) = await DepositAsync(system, locker);
        await locker.EnterCodeAsync(pin);
        var first = await locker.NextCommandAsync();

        await locker.DoorAsync(first.Command!.Compartment, DoorStates.Jammed);
        await locker.EnterCodeAsync(pin);

        var second = await locker.NextCommandAsync();
        Assert.Equal((CommandActions.Unlock, first.Command.Compartment), (second.Command!.Action, second.Command.Compartment));
        var store = system.Gateway.Factory.Service<ILockerStore>();
        await Wait.UntilAsync(async () => (await store.ReadAsync(tx => tx.Monitoring.ListAlarmsAsync("test-a", openOnly: true, 10)))
            .Any(a => a.Kind == AlarmKinds.DoorJammed && a.Compartment == first.Command.Compartment), Timeout, "the door_jammed alarm");
        // One alarm for the jam, in the one alarm table.
        Assert.Single(await store.ReadAsync(tx => tx.Monitoring.ListAlarmsAsync("test-a", openOnly: false, 10)), a => a.Kind == AlarmKinds.DoorJammed);
    }

    [Fact]
    public async Task CodeEnteredLongAgo_ReplayedFromTheJournal_OpensNothing()
    {
        await using var system = await LinkedGateway.StartAsync();
        var locker = await system.ProvisionAndConnectAsync("test-a");
        var booked = await system.Api.BookAsync();
        var twoMinutesAgo = system.Gateway.Time.GetUtcNow().AddMinutes(-2);

        await locker.PublishAsync(LockerEvent.CodeEntered(CodeSources.Keypad, locker.Config.KeypadId, booked.DropoffCode), twoMinutesAgo);
        await locker.EnterCodeAsync("00000000");

        // The first command answers the fresh wrong code: the late drop-off code got no unlock.
        Assert.Equal(CommandActions.Deny, (await locker.NextCommandAsync()).Command!.Action);
        Assert.Single(await system.CommandsAsync("test-a"));
    }

    [Fact]
    public async Task SharedSubscription_GatewayInAShareGroup_ServesTheLockers()
    {
        await using var system = await LinkedGateway.StartAsync(sharedGroup: "gateways");
        var locker = await system.ProvisionAndConnectAsync("test-a");

        await locker.EnterCodeAsync("00000000");

        Assert.Equal(CommandActions.Deny, (await locker.NextCommandAsync()).Command!.Action);
    }

    /// <summary>Books and deposits a parcel over MQTT; returns the reservation id and the recipient's PIN.</summary>
    private static async Task<(string ReservationId, string Pin)> DepositAsync(LinkedGateway system, MqttTestLocker locker)
    {
        var booked = await system.Api.BookAsync();
        var door = booked.Reservation.Compartment!.Value;
        await locker.EnterCodeAsync(booked.DropoffCode);
        Assert.True((await locker.NextCommandAsync()).Accepted);
        await locker.DoorAsync(door, DoorStates.Opened);
        await locker.DoorAsync(door, DoorStates.Closed);
        var ready = await system.Webhooks.NextOfTypeAsync(WebhookEvents.ReadyForPickup);
        return (booked.Reservation.Id, JsonDocument.Parse(ready.Body).RootElement.GetProperty("secrets").GetProperty("pickupPin").GetString()!);
    }
}
