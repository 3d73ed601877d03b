using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Tests.Localization;

namespace Lockers.Gateway.Tests.Link;

/// <summary>
/// Reconciling a door a locker opened from its offline cache (code_offline), against the real store: a code still live for
/// that door becomes the door's unlock, so its opened event spends it once and moves the parcel on; a code that no longer fits
/// is a conflict that changes nothing but the audit trail and an alarm (docs/adr/0212-offline-reconciliation.md).
/// </summary>
public sealed class OfflineCodeHandlerTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();
    private readonly Locker _locker = new("test-a", GatewayFixture.SiteId, "Cabinet A");
    private HttpClient _api = null!;
    private long _seq = 100;

    public async Task InitializeAsync()
    {
        await _gateway.ImportTestSiteAsync();
        _api = await _gateway.CreateApiClientAsync();
    }

    public Task DisposeAsync()
    {
        _api.Dispose();
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task CodeOffline_LiveCodeForThatDoor_TheDoorsOpeningSpendsItOnce_AndPicksTheParcelUp()
    {
        var (booked, pin) = await DepositedAsync();
        var door = booked.Reservation.Compartment!.Value;
        var offline = Event(LockerEvent.CodeOffline(1_000_001, CodeSources.Keypad, "test-a", await CodeIdAsync(pin), door));

        Assert.Equal(LinkOutcome.Applied, await Applier.ApplyAsync(_locker, offline, CancellationToken.None));
        Assert.Equal(LinkOutcome.Duplicate, await Applier.ApplyAsync(_locker, offline, CancellationToken.None));
        Assert.Equal(LinkOutcome.Applied, await Applier.ApplyAsync(_locker, Event(LockerEvent.Door(door, DoorStates.Opened)), CancellationToken.None));

        Assert.Equal("picked_up", (await ReservationAsync(booked.Reservation.Id)).Status.ToWire());
        var audit = await AuditAsync();
        Assert.Single(audit, e => e.Action == AuditActions.CodeOpenedOffline && e.ReservationId == booked.Reservation.Id);
        Assert.Single(audit, e => e.Action == AuditActions.CodeConsumed && e.ReservationId == booked.Reservation.Id && e.Detail == "purpose=Pickup");
    }

    [Fact]
    public async Task CodeOffline_ParcelMovedMeanwhile_IsAConflict_AndTheOpeningChangesNothing()
    {
        var (booked, pin) = await DepositedAsync();
        var door = booked.Reservation.Compartment!.Value;
        var codeId = await CodeIdAsync(pin);
        await MoveAsync(booked.Reservation.Id, new CompartmentRef("test-a", 4));

        await Applier.ApplyAsync(_locker, Event(LockerEvent.CodeOffline(1_000_001, CodeSources.Keypad, "test-a", codeId, door)), CancellationToken.None);
        await Applier.ApplyAsync(_locker, Event(LockerEvent.Door(door, DoorStates.Opened)), CancellationToken.None);

        var reservation = await ReservationAsync(booked.Reservation.Id);
        Assert.Equal((ReservationStatus.ReadyForPickup, 4), (reservation.Status, reservation.Compartment!.Value.Number));
        var conflict = Assert.Single(await AuditAsync(), e => e.Action == AuditActions.CodeOfflineConflict);
        Assert.Contains("the parcel is in test-a/4 now", conflict.Detail);
        var alarms = await Store.ReadAsync(tx => tx.Monitoring.ListAlarmsAsync("test-a", true, 10));
        AlarmDetailReading.AssertReadsInJapaneseAndChinese(Assert.Single(alarms, alarm => alarm.Kind == AlarmKinds.OfflineConflict).Detail);
        // A pickup conflict leaves the compartment in service: nothing was put in it.
        Assert.True((await Store.ReadAsync(tx => tx.Registry.GetCompartmentAsync(new CompartmentRef("test-a", door))))!.InService);
        Assert.NotNull(await Store.ReadAsync(tx => tx.Codes.FindLiveAsync(GatewayFixture.SiteId,
            _gateway.Factory.Service<CodeHasher>().HashCode(GatewayFixture.SiteId, pin))));
    }

    [Fact]
    public async Task CodeOffline_UnknownReference_IsAConflict()
    {
        await Applier.ApplyAsync(_locker, Event(LockerEvent.CodeOffline(1_000_001, CodeSources.Qr, "test-a-qr", 999_999, 2)), CancellationToken.None);

        Assert.Contains("never issued", Assert.Single(await AuditAsync(), e => e.Action == AuditActions.CodeOfflineConflict).Detail);
    }

    private async Task<(Lockers.Gateway.Reservations.BookedReservationResponse Booked, string Pin)> DepositedAsync()
    {
        var booked = await _api.BookAsync(ReservationRequests.Booking("M"));
        var pickup = await new LockerDriver(_gateway.Factory).DepositAsync(booked.DropoffCode);
        return (booked, pickup.Pin);
    }

    /// <summary>A whole guided move, step by step as the doors report it (ADR 0305).</summary>
    private Task MoveAsync(string reservationId, CompartmentRef to) => Store.ExecuteAsync(async tx =>
    {
        var lifecycle = _gateway.Factory.Service<ReservationLifecycle>();
        foreach (var step in new[] { ReservationEvent.MoveRequested, ReservationEvent.MoveSourceOpened, ReservationEvent.MoveTargetOpened, ReservationEvent.Moved })
        {
            var reservation = (await tx.Reservations.GetAsync(reservationId))!;
            var done = await lifecycle.ApplyAsync(tx, reservation, step, new TransitionInput("test", Compartment: to));
            Assert.True(done.Applied, done.Refusal);
        }
    });

    private async Task<long> CodeIdAsync(string code) =>
        (await Store.ReadAsync(tx => tx.Codes.FindLiveAsync(GatewayFixture.SiteId,
            _gateway.Factory.Service<CodeHasher>().HashCode(GatewayFixture.SiteId, code))))!.Id;

    private Task<Reservation> ReservationAsync(string id) => Store.ReadAsync(async tx => (await tx.Reservations.GetAsync(id))!);

    private LockerEventApplier Applier => _gateway.Factory.Service<LockerEventApplier>();

    private ILockerStore Store => _gateway.Factory.Service<ILockerStore>();

    private Task<IReadOnlyList<AuditEntry>> AuditAsync() => Store.ReadAsync(tx => tx.Monitoring.ListAuditAsync("test-a", 100));

    private LockerEvent Event(LockerEvent e)
    {
        e.Seq = ++_seq;
        return e;
    }
}
