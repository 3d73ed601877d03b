using System.Net;
using System.Net.Http.Json;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Tests.Recipients;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Tests.Reservations;

/// <summary>A booking at a full site names the nearest sites that have room; a parcel sent from a locker runs booked -> deposited -> collected.</summary>
public sealed class SendAndFullSiteTests
{
    [Fact]
    public async Task BookingAtAFullSite_IsRefused_AndOffersTheNearestSitesWithRoom_NearestFirst()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        await gateway.BookAsync(RecipientGateway.Yaesu, "S", "FILL-Y"); // Yaesu is full now
        await gateway.BookAsync(RecipientGateway.Station, "M", "FILL-1");
        await gateway.BookAsync(RecipientGateway.Station, "S", "FILL-2");
        await gateway.BookAsync(RecipientGateway.Station, "S", "FILL-3"); // the accessible S: every door of the station is held

        var response = await gateway.Api.PostAsJsonAsync("/api/v1/reservations", new
        {
            siteId = RecipientGateway.Station, size = "S", parcelReference = "JP-FULL", recipient = new { email = "hana@example.jp" },
        });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("https://lockers.dev/problems/no-capacity", problem.GetProperty("type").GetString());
        var alternatives = problem.GetProperty("alternatives").EnumerateArray().ToList();
        var only = Assert.Single(alternatives); // Yaesu is nearer but full; Osaka is out of range
        Assert.Equal(RecipientGateway.Ginza, only.GetProperty("siteId").GetString());
        Assert.InRange(only.GetProperty("distanceKm").GetDouble(), 1.0, 2.0);
    }

    [Fact]
    public async Task SendFromALocker_BookedDepositedCollected_WithCodesForTheSenderAndTheCarrier()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var booked = await gateway.Api.BookAsync(new { siteId = RecipientGateway.Station, size = "S", parcelReference = "RETURN-1", kind = "send" });
        Assert.Equal(("send", "booked"), (booked.Reservation.Kind, booked.Reservation.Status));

        // The sender's drop-off code opens the door; closing it makes the parcel wait for the carrier.
        var door = await gateway.OpenWithAsync(RecipientGateway.Station, booked.DropoffCode);
        await gateway.CloseAsync(door);
        var deposited = await gateway.ReservationAsync(booked.Reservation.Id);
        Assert.Equal(ReservationStatus.Deposited, deposited.Status);
        var store = gateway.Gateway.Factory.Service<ILockerStore>();
        var outbox = await store.ReadAsync(tx => tx.Outbox.ListAsync(booked.Reservation.Id, 10));
        var message = Assert.Single(outbox, m => m.EventType == WebhookEvents.Deposited);
        var secrets = gateway.Gateway.Factory.Service<SecretSealer>().Unseal(message.SealedSecrets!, WebhookEnqueuer.SecretsPurpose);
        var collectCode = System.Text.Json.JsonDocument.Parse(secrets).RootElement.GetProperty("collectCode").GetString()!;

        // The carrier's collection code opens it again; the parcel is collected and the door free.
        await gateway.CloseAsync(await gateway.OpenWithAsync(RecipientGateway.Station, collectCode));

        var collected = await gateway.ReservationAsync(booked.Reservation.Id);
        Assert.Equal(ReservationStatus.Collected, collected.Status);
        Assert.NotNull(collected.ClosedAt);
        Assert.Contains(await store.ReadAsync(tx => tx.Outbox.ListAsync(booked.Reservation.Id, 10)), m => m.EventType == WebhookEvents.Collected);
        Assert.Equal(CodeCheckOutcome.Rejected, (await gateway.CheckAsync(RecipientGateway.Station, collectCode)).Outcome);
    }

    [Fact]
    public async Task Manifest_ListsTodaysDropoffsAndCollections_ForTheCallingCarrierOnly()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var waiting = await gateway.BookAsync(RecipientGateway.Station, "S", "M-WAIT");
        var done = await gateway.BookAsync(RecipientGateway.Station, "M", "M-DONE");
        await gateway.DepositAsync(RecipientGateway.Station, done.DropoffCode);
        var send = await gateway.Api.BookAsync(new { siteId = RecipientGateway.Station, size = "S", parcelReference = "M-SEND", kind = "send" });
        await gateway.CloseAsync(await gateway.OpenWithAsync(RecipientGateway.Station, send.DropoffCode));
        var other = await gateway.Gateway.CreateApiClientAsync("sagawa");

        var manifest = (await gateway.Api.GetFromJsonAsync<Lockers.Gateway.Reservations.Rounds.SiteManifest>(
            $"/api/v1/sites/{RecipientGateway.Station}/manifest", ReservationRequests.Json))!;

        Assert.Equal(new DateOnly(2026, 3, 1), manifest.Date);
        Assert.Equal(["M-WAIT"], manifest.DropoffsWaiting.Select(e => e.ParcelReference));
        Assert.Equal(["M-DONE"], manifest.DropoffsDone.Select(e => e.ParcelReference));
        Assert.Equal(("M-SEND", "send"), (Assert.Single(manifest.CollectionsWaiting).ParcelReference, manifest.CollectionsWaiting[0].Reason));
        var theirs = (await other.GetFromJsonAsync<Lockers.Gateway.Reservations.Rounds.SiteManifest>(
            $"/api/v1/sites/{RecipientGateway.Station}/manifest", ReservationRequests.Json))!;
        Assert.Empty(theirs.DropoffsWaiting);
        Assert.Equal(HttpStatusCode.BadRequest, (await gateway.Api.GetAsync($"/api/v1/sites/{RecipientGateway.Station}/manifest?date=yesterday")).StatusCode);
        Assert.Equal(waiting.Reservation.Id, manifest.DropoffsWaiting[0].ReservationId);
    }
}
