using Lockers.Core.Texts;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Couriers;
using Lockers.Gateway.Dashboard;
using Lockers.Gateway.Guard;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Reservations.Rounds;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Couriers;

/// <summary>
/// A courier's round meeting the unlock guard (ADR 0312), through the real round service, guard and store: the next door is
/// not opened, the courier is told the round is paused (round_paused, with what was done), nothing of the parcels is left
/// half-changed, the audit says the hold stopped it, and the next round after the release goes on with what is left.
/// </summary>
public sealed class CourierRoundGuardTests : IDisposable
{
    private GatewayFixture _gateway = null!;
    private LockerDriver _locker = null!;
    private HttpClient _http = null!;
    private IssuedCourier _courier = null!;

    private ILockerStore Store => _gateway.Factory.Service<ILockerStore>();
    private CourierRoundService Rounds => _gateway.Factory.Service<CourierRoundService>();

    private async Task StartAsync(int siteCeiling = 30)
    {
        _gateway = new GatewayFixture(new Dictionary<string, string?>
        {
            ["Guard:SiteUnlocksPerMinute"] = siteCeiling.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await _gateway.ImportTestSiteAsync();
        var key = await _gateway.CreateKeyAsync();
        _http = _gateway.HttpFor(key);
        _locker = new LockerDriver(_gateway.Factory);
        _courier = await _gateway.Factory.Service<CourierService>().IssueAsync(key.ClientId, "Sato");
    }

    public void Dispose() => _gateway.Dispose();

    [Fact]
    public async Task StaffHoldMidRound_TheNextDoorStaysShut_TheCourierReadsRoundPaused_AndTheParcelStaysBooked()
    {
        await StartAsync();
        var first = await _http.BookAsync(ReservationRequests.Booking(parcel: "P-1"));
        var second = await _http.BookAsync(ReservationRequests.Booking(size: "M", parcel: "P-2"));
        var opened = await StartRoundAsync();
        Assert.Equal(Door(first), opened.Unlock);
        Assert.Equal(DoorEventOutcome.Applied, await _locker.OpenedAsync(opened.Unlock!.Value));
        Assert.True((await _gateway.Factory.Service<UnlockHoldService>().HoldAsync(GatewayFixture.SiteId, "camera 2", "bob")).Done);

        var paused = await CloseAsync(opened.Unlock!.Value);

        Assert.NotNull(paused);
        Assert.Equal(("round_paused|1|0", (CompartmentRef?)null, false), (paused.KeyedText, paused.Unlock, paused.HoldTripped));
        Assert.Equal(ReservationStatus.ReadyForPickup, (await ReservationAsync(first)).Status);
        await AssertWaitingAsync(second, Door(second));
        await AssertAuditedAsync(second, "scope=site:test-site kind=staff", "deposited=1 collected=0 skipped=0 (stopped by the unlock hold on site test-site)");
    }

    [Fact]
    public async Task NextDoorOverTheSiteCeiling_PausesTheRound_AndSaysItTrippedTheHold()
    {
        await StartAsync(siteCeiling: 1);
        var first = await _http.BookAsync(ReservationRequests.Booking(parcel: "P-1"));
        var second = await _http.BookAsync(ReservationRequests.Booking(size: "M", parcel: "P-2"));
        var opened = await StartRoundAsync();
        await _locker.OpenedAsync(opened.Unlock!.Value);

        var paused = await CloseAsync(opened.Unlock!.Value);

        Assert.Equal((MessageKeys.RoundPaused, true), (paused!.MessageKey, paused.HoldTripped));
        var hold = Assert.Single(await Store.ReadAsync(tx => tx.Guard.ListHoldsAsync()));
        Assert.Equal((UnlockHoldKind.Anomaly, HoldScopes.Site(GatewayFixture.SiteId)), (hold.Kind, hold.Scope));
        await AssertWaitingAsync(second, Door(second));
        await AssertAuditedAsync(second, "kind=anomaly round=1 tripped=yes", "stopped by the unlock hold on site test-site");
    }

    [Fact]
    public async Task TooBigForItsDoor_WhereUnlocksAreHeld_TheBookingWaitsAtTheLargerDoor_WhichTheNextRoundOpens()
    {
        await StartAsync();
        var booked = await _http.BookAsync(ReservationRequests.Booking(parcel: "P-1"));
        var opened = await StartRoundAsync();
        await _locker.OpenedAsync(opened.Unlock!.Value);
        Assert.True((await _gateway.Factory.Service<UnlockHoldService>().HoldAsync(GatewayFixture.SiteId, "camera 2", "bob")).Done);

        var paused = await Store.ExecuteAsync(async tx => await Rounds.HandleKeyAsync(tx, (await tx.Registry.GetLockerAsync("test-a"))!,
            CourierRoundService.DidNotFitKey));

        Assert.Equal("round_paused|0|0", paused!.KeyedText);
        Assert.Null(paused.Unlock);
        // The resize is whole (a larger door, a new drop-off code, the deposit cleared): only its door did not open.
        var resized = await ReservationAsync(booked);
        Assert.NotEqual(Door(booked), resized.Compartment);
        await AssertWaitingAsync(booked, resized.Compartment!.Value);

        Assert.True((await _gateway.Factory.Service<UnlockHoldService>().ReleaseAsync(HoldScopes.Site(GatewayFixture.SiteId), "all clear", "alice")).Done);
        var resumed = await StartRoundAsync();
        Assert.Equal((resized.Compartment, "round_deposit|1|1|" + resized.Compartment!.Value.Number),
            (resumed.Unlock, resumed.KeyedText));
    }

    private Task<RoundStep> StartRoundAsync() => Store.ExecuteAsync(async tx =>
        await Rounds.StartAsync(tx, _courier.Courier, (await tx.Registry.GetLockerAsync("test-a"))!, "kp-1"));

    /// <summary>The door closes, as the link applies it: the parcel's step, then the round's next.</summary>
    private Task<RoundStep?> CloseAsync(CompartmentRef door) => Store.ExecuteAsync(async tx =>
    {
        var closed = await _gateway.Factory.Service<DoorEventService>().ReportClosedAsync(tx, door.LockerId, door.Number, _locker.NextSeq());
        return closed.Reservation is { } reservation ? await Rounds.AfterDoorClosedAsync(tx, reservation) : null;
    });

    /// <summary>Booked at <paramref name="door"/>, its deposit not started, its drop-off code live, that door never opened for the round.</summary>
    private async Task AssertWaitingAsync(BookedReservationResponse booked, CompartmentRef door)
    {
        var reservation = await ReservationAsync(booked);
        Assert.Equal((ReservationStatus.Booked, (DateTimeOffset?)null, (CompartmentRef?)door),
            (reservation.Status, reservation.DepositedAt, reservation.Compartment));
        Assert.NotNull(await Store.ReadAsync(tx => tx.Codes.FindLiveForReservationAsync(reservation.Id, CodeKind.Dropoff)));
        Assert.Null(await Store.ReadAsync(tx => tx.Rounds.FindOpenAsync("test-a")));
        var audit = await Store.ReadAsync(tx => tx.Audit.ListRecentAsync(200));
        Assert.DoesNotContain(audit, e => e.Action == AuditActions.RoundStep && e.LockerId == door.LockerId && e.Compartment == door.Number);
    }

    private async Task AssertAuditedAsync(BookedReservationResponse notOpened, string held, string ended)
    {
        var audit = await Store.ReadAsync(tx => tx.Audit.ListRecentAsync(200));
        var actor = $"courier:{_courier.Courier.Id}";
        var line = Assert.Single(audit, e => e.Action == AuditActions.RoundHeld);
        Assert.Equal((actor, notOpened.Reservation.Id), (line.Actor, line.ReservationId));
        Assert.Contains(held, line.Detail);
        Assert.Contains(audit, e => e.Action == AuditActions.RoundEnded && e.Actor == actor && e.Detail!.Contains(ended));
        Assert.DoesNotContain(audit, e => e.Action == AuditActions.CodeHeld);
    }

    private async Task<Reservation> ReservationAsync(BookedReservationResponse booked) =>
        (await Store.ReadAsync(tx => tx.Reservations.GetAsync(booked.Reservation.Id)))!;

    private static CompartmentRef Door(BookedReservationResponse booked) =>
        new(booked.Reservation.LockerId!, booked.Reservation.Compartment!.Value);
}
