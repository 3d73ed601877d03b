using System.Text.Json;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Tests.Webhooks;

public class WebhookDeliveryTests
{
    private static async Task<(GatewayFixture Gateway, Gateway.Clients.CreatedApiKey Key)> StartAsync(
        WebhookReceiver receiver, IReadOnlyDictionary<string, string?>? settings = null, TempDirectory? directory = null)
    {
        var gateway = new GatewayFixture(settings, directory);
        await gateway.ImportTestSiteAsync();
        return (gateway, await gateway.CreateKeyAsync("acme", receiver.Url));
    }

    [Fact]
    public async Task Deposit_DoorClosed_DeliversSignedReadyForPickupWithThePin()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (gateway, key) = await StartAsync(receiver);
        using var _ = gateway;
        var booked = await gateway.HttpFor(key).BookAsync();

        var codes = await new LockerDriver(gateway.Factory).DepositAsync(booked.DropoffCode);

        var delivery = await receiver.NextOfTypeAsync(WebhookEvents.ReadyForPickup);
        Assert.True(WebhookSigner.Verify(key.WebhookSecret!, delivery.Signature!, delivery.Body), "signature does not verify");
        var body = JsonDocument.Parse(delivery.Body).RootElement;
        Assert.Equal("ready_for_pickup", body.GetProperty("type").GetString());
        Assert.Equal(booked.Reservation.Id, body.GetProperty("reservation").GetProperty("id").GetString());
        Assert.Equal(codes.Pin, body.GetProperty("secrets").GetProperty("pickupPin").GetString());
        Assert.EndsWith($"/r/{codes.AccessToken}", body.GetProperty("secrets").GetProperty("accessLink").GetString());
    }

    [Fact]
    public async Task Dispatch_Delivered_SecretsErasedFromOutbox()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        var (gateway, key) = await StartAsync(receiver, new Dictionary<string, string?> { ["Webhooks:DispatcherEnabled"] = "false" });
        using var _ = gateway;
        var booked = await gateway.HttpFor(key).BookAsync();
        await new LockerDriver(gateway.Factory).DepositAsync(booked.DropoffCode);

        Assert.Equal(2, await gateway.Factory.Service<WebhookDispatcher>().DispatchDueAsync());

        var outbox = await gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Outbox.ListAsync(booked.Reservation.Id, 10));
        Assert.All(outbox, m => Assert.NotNull(m.DeliveredAt));
        Assert.All(outbox, m => Assert.Null(m.SealedSecrets));
    }

    [Fact]
    public async Task Dispatch_ReceiverFails_RetriedWithBackoffUntilDelivered()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 2);
        var (gateway, key) = await StartAsync(receiver, new Dictionary<string, string?>
        {
            ["Webhooks:DispatcherEnabled"] = "false", ["Webhooks:InitialBackoffSeconds"] = "10",
        });
        using var _ = gateway;
        var booked = await gateway.HttpFor(key).BookAsync();
        var check = await new LockerDriver(gateway.Factory).EnterAsync(booked.DropoffCode);
        await new LockerDriver(gateway.Factory).OpenedAsync(check.Compartment!.Value);
        await gateway.Factory.Service<Gateway.Reservations.Doors.DoorEventService>().ReportClosedAsync("test-a", check.Compartment!.Value.Number, 999);
        var dispatcher = gateway.Factory.Service<WebhookDispatcher>();
        var store = gateway.Factory.Service<ILockerStore>();

        Assert.Equal(0, await dispatcher.DispatchDueAsync()); // both fail: attempt 1
        var afterFirst = await store.ExecuteAsync(tx => tx.Outbox.ListAsync(booked.Reservation.Id, 10));
        Assert.All(afterFirst, m => Assert.Equal((1, gateway.Time.GetUtcNow().AddSeconds(10)), (m.Attempts, m.NextAttemptAt)));
        Assert.Equal(0, await dispatcher.DispatchDueAsync()); // not due yet: nothing is even tried

        gateway.Time.Advance(TimeSpan.FromSeconds(10));
        Assert.Equal(2, await dispatcher.DispatchDueAsync());

        Assert.NotNull(await receiver.NextAsync());
        Assert.NotNull(await receiver.NextAsync());
    }

    [Fact]
    public async Task Dispatch_ReceiverAlwaysFails_GivesUpAfterMaxAttempts()
    {
        await using var receiver = await WebhookReceiver.StartAsync(failFirst: 1000);
        var (gateway, key) = await StartAsync(receiver, new Dictionary<string, string?>
        {
            ["Webhooks:DispatcherEnabled"] = "false", ["Webhooks:MaxAttempts"] = "2",
        });
        using var _ = gateway;
        await new LockerDriver(gateway.Factory).DepositAsync((await gateway.HttpFor(key).BookAsync()).DropoffCode);
        var dispatcher = gateway.Factory.Service<WebhookDispatcher>();

        await dispatcher.DispatchDueAsync();
        gateway.Time.Advance(TimeSpan.FromHours(1));
        await dispatcher.DispatchDueAsync();
        gateway.Time.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, await dispatcher.DispatchDueAsync());
        var outbox = await gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Outbox.ListAsync(null, 10));
        Assert.All(outbox, m => Assert.Equal(2, m.Attempts));
        Assert.All(outbox, m => Assert.Null(m.SealedSecrets));
    }

    [Fact]
    public async Task Enqueued_ThenGatewayRestarts_IsDeliveredByTheNewProcess()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        using var directory = new TempDirectory();
        string pin;
        var (first, key) = await StartAsync(receiver, new Dictionary<string, string?> { ["Webhooks:DispatcherEnabled"] = "false" }, directory);
        using (first)
        {
            pin = (await new LockerDriver(first.Factory).DepositAsync((await first.HttpFor(key).BookAsync()).DropoffCode)).Pin;
        }
        Assert.False(receiver.TryTake(out _));

        using var second = new GatewayFixture(directory: directory, time: first.Time);
        second.Factory.CreateClient(); // start: the dispatcher runs at once

        var delivery = await receiver.NextOfTypeAsync(WebhookEvents.ReadyForPickup);
        Assert.Equal(pin, JsonDocument.Parse(delivery.Body).RootElement.GetProperty("secrets").GetProperty("pickupPin").GetString());
    }

    [Fact]
    public void Signature_OverTimestampAndBody_VerifiesOnlyUnchanged()
    {
        var header = WebhookSigner.Sign("whsec_x", 1_700_000_000, "{\"a\":1}");

        Assert.Matches("^t=1700000000,v1=[0-9a-f]{64}$", header);
        Assert.True(WebhookSigner.Verify("whsec_x", header, "{\"a\":1}"));
        Assert.False(WebhookSigner.Verify("whsec_x", header, "{\"a\":2}"));
        Assert.False(WebhookSigner.Verify("whsec_y", header, "{\"a\":1}"));
    }
}
