using Lockers.Gateway.Reservations;
using Lockers.Journeys.Tests.Support;

namespace Lockers.Journeys.Tests;

/// <summary>A parcel sent from a locker, end to end through a simulated locker: booked -> deposited -> collected.</summary>
public sealed class SendFromLockerTests
{
    [Fact]
    public async Task SendFromALocker_SenderDropsOff_CarrierCollectsWithTheCodeFromTheWebhook()
    {
        await using var gateway = await JourneyGateway.StartAsync();
        var booked = await gateway.BookAsync("M", "RETURN-0001", kind: "send");
        Assert.Equal(("send", "booked"), (booked.Reservation.Kind, booked.Reservation.Status));

        // The sender types the drop-off code from the booking, puts the parcel in and closes the door.
        await gateway.DepositAsync(booked);
        var collectCode = (await gateway.WebhookSecretsAsync(booked.Reservation.Id, "deposited")).GetProperty("collectCode").GetString()!;

        // The carrier's courier opens it with the collection code and takes it.
        var door = booked.Reservation.Compartment!.Value;
        await gateway.OpenAndCloseAsync(collectCode, door, booked.Reservation.Id, r => r.Status == ReservationStatus.Collected,
            ReservationStatus.Collected);

        var collected = await gateway.ReservationAsync(booked.Reservation.Id);
        Assert.NotNull(collected.DepositedAt);
        Assert.NotNull(collected.ClosedAt);
        // The door closing on the empty compartment frees it for the next booking.
        await Lockers.Testing.Wait.UntilAsync(async () => await gateway.Service<Gateway.Store.ILockerStore>().ReadAsync(
            tx => tx.Reservations.FindHoldingAsync(collected.Compartment!.Value)) is null, JourneyGateway.Timeout, "the compartment to be free");
        var webhooks = await gateway.Service<Gateway.Store.ILockerStore>().ReadAsync(tx => tx.Outbox.ListAsync(booked.Reservation.Id, 10));
        Assert.Equal(["deposited", "collected"], webhooks.Select(m => m.EventType));
    }
}
