using System.Text.Json;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Expiry;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Tests.Expiry;

public class ExpiryServiceTests : IAsyncLifetime
{
    private WebhookReceiver _receiver = null!;
    private GatewayFixture _gateway = null!;
    private LockerDriver _locker = null!;
    private BookedReservationResponse _booked = null!;
    private IssuedPickupCodes _codes = null!;

    public async Task InitializeAsync()
    {
        _receiver = await WebhookReceiver.StartAsync();
        _gateway = new GatewayFixture(new Dictionary<string, string?> { ["Webhooks:DispatcherEnabled"] = "false" });
        await _gateway.ImportTestSiteAsync();
        var http = await _gateway.CreateApiClientAsync("acme", _receiver.Url);
        _locker = new LockerDriver(_gateway.Factory);
        _booked = await http.BookAsync(ReservationRequests.Booking(hours: 24));
        _codes = await _locker.DepositAsync(_booked.DropoffCode);
    }

    public async Task DisposeAsync()
    {
        _gateway.Dispose();
        await _receiver.DisposeAsync();
    }

    private Task<int> ExpireAsync() => _gateway.Factory.Service<ExpiryService>().ExpireDueAsync();

    private async Task<Reservation> ReservationAsync() =>
        (await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Reservations.GetAsync(_booked.Reservation.Id)))!;

    private async Task<JsonElement> DeliveredAsync(string eventType)
    {
        await _gateway.Factory.Service<WebhookDispatcher>().DispatchDueAsync();
        return JsonDocument.Parse((await _receiver.NextOfTypeAsync(eventType)).Body).RootElement;
    }

    [Fact]
    public async Task Expire_BeforeDeadline_ChangesNothing()
    {
        _gateway.Time.Advance(TimeSpan.FromHours(24) - TimeSpan.FromSeconds(1));

        Assert.Equal(0, await ExpireAsync());
        Assert.Equal(ReservationStatus.ReadyForPickup, (await ReservationAsync()).Status);
    }

    [Fact]
    public async Task Expire_PastDeadline_RetiresPinAndSendsCollectCode()
    {
        _gateway.Time.Advance(TimeSpan.FromHours(24));

        Assert.Equal(1, await ExpireAsync());

        Assert.Equal(ReservationStatus.Expired, (await ReservationAsync()).Status);
        Assert.Equal(CodeCheckOutcome.Rejected, (await _locker.EnterAsync(_codes.Pin)).Outcome);
        var expired = await DeliveredAsync(WebhookEvents.Expired);
        Assert.Matches("^[0-9]{8}$", expired.GetProperty("secrets").GetProperty("collectCode").GetString());
    }

    [Fact]
    public async Task Expired_CarrierCollects_BecomesReturnedAndFreesTheCompartment()
    {
        _gateway.Time.Advance(TimeSpan.FromHours(25));
        await ExpireAsync();
        var collectCode = (await DeliveredAsync(WebhookEvents.Expired)).GetProperty("secrets").GetProperty("collectCode").GetString()!;

        var check = await _locker.EnterAsync(collectCode, keypad: "courier");
        Assert.Equal(UnlockPurpose.Collect, check.Purpose);
        await _locker.OpenedAsync(check.Compartment!.Value);
        await _locker.ClosedAsync(check.Compartment!.Value);

        Assert.Equal(ReservationStatus.Returned, (await ReservationAsync()).Status);
        Assert.Equal(_booked.Reservation.Id, (await DeliveredAsync(WebhookEvents.Returned)).GetProperty("reservation").GetProperty("id").GetString());
        var holder = await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Reservations.FindHoldingAsync(check.Compartment!.Value));
        Assert.Null(holder);
    }

    [Fact]
    public async Task Expire_LockerOffline_WindowStopsAndResumes()
    {
        var registry = _gateway.Factory.Service<AvailabilityService>();
        var deadline = (await ReservationAsync()).PickupDeadline!.Value;
        _gateway.Time.Advance(TimeSpan.FromHours(20));
        await registry.SetLockerOnlineAsync("test-a", false);
        _gateway.Time.Advance(TimeSpan.FromHours(10)); // past the original deadline, but offline

        Assert.Equal(0, await ExpireAsync());
        Assert.True((await ReservationAsync()).PausedSince is not null);

        await registry.SetLockerOnlineAsync("test-a", true);
        var resumed = await ReservationAsync();
        Assert.Null(resumed.PausedSince);
        Assert.Equal(deadline.AddHours(10), resumed.PickupDeadline);
        _gateway.Time.Advance(TimeSpan.FromHours(4) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await ExpireAsync());
        _gateway.Time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(1, await ExpireAsync());
    }

    [Fact]
    public async Task Expire_CompartmentOutOfService_WindowStopsUntilBack()
    {
        var registry = _gateway.Factory.Service<AvailabilityService>();
        var compartment = new CompartmentRef(_booked.Reservation.LockerId!, _booked.Reservation.Compartment!.Value);
        await registry.SetCompartmentInServiceAsync(compartment, false, "maintenance");
        _gateway.Time.Advance(TimeSpan.FromHours(48));

        Assert.Equal(0, await ExpireAsync());

        await registry.SetCompartmentInServiceAsync(compartment, true, "maintenance");
        Assert.Equal(_gateway.Time.GetUtcNow().AddHours(24), (await ReservationAsync()).PickupDeadline);
    }

    [Fact]
    public async Task Pause_OfflineAndOutOfService_ResumesOnlyWhenBothFixed()
    {
        var registry = _gateway.Factory.Service<AvailabilityService>();
        var compartment = new CompartmentRef(_booked.Reservation.LockerId!, _booked.Reservation.Compartment!.Value);
        await registry.SetCompartmentInServiceAsync(compartment, false, "maintenance");
        await registry.SetLockerOnlineAsync("test-a", false);

        await registry.SetLockerOnlineAsync("test-a", true);

        Assert.NotNull((await ReservationAsync()).PausedSince);
    }

    [Fact]
    public async Task Pickup_DoorOpened_SendsPickedUpWebhook()
    {
        await _locker.PickUpAsync(_codes.Pin);

        var pickedUp = await DeliveredAsync(WebhookEvents.PickedUp);

        Assert.Equal("picked_up", pickedUp.GetProperty("reservation").GetProperty("status").GetString());
    }
}
