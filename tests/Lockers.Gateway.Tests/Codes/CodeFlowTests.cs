using System.Net;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Codes;

public class CodeFlowTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();
    private HttpClient _http = null!;
    private LockerDriver _locker = null!;

    public async Task InitializeAsync()
    {
        await _gateway.ImportTestSiteAsync();
        _http = await _gateway.CreateApiClientAsync();
        _locker = new LockerDriver(_gateway.Factory);
    }

    public Task DisposeAsync()
    {
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    private Task<Reservation?> ReservationAsync(string id) =>
        _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Reservations.GetAsync(id));

    [Fact]
    public async Task Deposit_DropoffCodeThenDoorClosed_MakesParcelReadyWithPinAndQr()
    {
        var booked = await _http.BookAsync();

        var codes = await _locker.DepositAsync(booked.DropoffCode);

        var reservation = await ReservationAsync(booked.Reservation.Id);
        Assert.Equal(ReservationStatus.ReadyForPickup, reservation!.Status);
        Assert.Equal(_gateway.Time.GetUtcNow().AddHours(72), reservation.PickupDeadline);
        Assert.Matches("^[0-9]{6}$", codes.Pin);
        Assert.True(Convert.FromBase64String(codes.QrToken.Replace('-', '+').Replace('_', '/') + "==").Length >= 16);
    }

    [Fact]
    public async Task Deposit_DoorOpenedOnly_StaysBookedButCannotBeCancelled()
    {
        var booked = await _http.BookAsync();
        var check = await _locker.EnterAsync(booked.DropoffCode, keypad: "courier");

        await _locker.OpenedAsync(check.Compartment!.Value);

        var reservation = await ReservationAsync(booked.Reservation.Id);
        Assert.Equal(ReservationStatus.Booked, reservation!.Status);
        Assert.NotNull(reservation.DepositedAt);
        var cancel = await _http.PostAsync($"/api/v1/reservations/{booked.Reservation.Id}/cancel", null);
        Assert.Equal(HttpStatusCode.Conflict, cancel.StatusCode);
    }

    [Fact]
    public async Task Deposit_BookedCompartmentWentOutOfService_OpensTheNextThatFits()
    {
        var booked = await _http.BookAsync(ReservationRequests.Booking("M"));
        await _gateway.Factory.Service<AvailabilityService>().SetCompartmentInServiceAsync(
            new Gateway.Registry.CompartmentRef("test-a", 3), false, "maintenance");

        var check = await _locker.EnterAsync(booked.DropoffCode, keypad: "courier");

        Assert.Equal(new Gateway.Registry.CompartmentRef("test-a", 4), check.Compartment);
        Assert.Equal(check.Compartment, (await ReservationAsync(booked.Reservation.Id))!.Compartment);
    }

    [Fact]
    public async Task Pickup_RightPin_OpensTheReservedCompartment()
    {
        var booked = await _http.BookAsync(ReservationRequests.Booking("M"));
        var codes = await _locker.DepositAsync(booked.DropoffCode);

        var check = await _locker.EnterAsync(codes.Pin);

        Assert.Equal(CodeCheckOutcome.Accepted, check.Outcome);
        Assert.Equal(UnlockPurpose.Pickup, check.Purpose);
        Assert.Equal(new Gateway.Registry.CompartmentRef("test-a", 3), check.Compartment);
    }

    [Fact]
    public async Task Check_RightPinBeforeDoorOpens_DoesNotSpendIt()
    {
        var codes = await _locker.DepositAsync((await _http.BookAsync()).DropoffCode);

        await _locker.EnterAsync(codes.Pin);
        var again = await _locker.EnterAsync(codes.Pin);

        Assert.Equal(CodeCheckOutcome.Accepted, again.Outcome);
    }

    [Fact]
    public async Task Pickup_SameCodeAtTwoKeypads_OpensOnceAndSpendsTheCodeOnce()
    {
        var booked = await _http.BookAsync();
        var codes = await _locker.DepositAsync(booked.DropoffCode);
        var first = await _locker.EnterAsync(codes.Pin, keypad: "kp-1");
        var second = await _locker.EnterAsync(codes.Pin, keypad: "kp-2", locker: "test-b");
        Assert.Equal(CodeCheckOutcome.Accepted, first.Outcome);
        Assert.Equal(CodeCheckOutcome.Accepted, second.Outcome);

        var opened = await Task.WhenAll(_locker.OpenedAsync(first.Compartment!.Value), _locker.OpenedAsync(second.Compartment!.Value));

        Assert.Single(opened, o => o == DoorEventOutcome.Applied);
        Assert.Equal(ReservationStatus.PickedUp, (await ReservationAsync(booked.Reservation.Id))!.Status);
        Assert.Equal(CodeCheckOutcome.Rejected, (await _locker.EnterAsync(codes.Pin, keypad: "kp-3")).Outcome);
    }

    [Fact]
    public async Task Pickup_DoorJammed_CodeStaysValid()
    {
        var booked = await _http.BookAsync();
        var codes = await _locker.DepositAsync(booked.DropoffCode);
        var check = await _locker.EnterAsync(codes.Pin);

        var jammed = await _gateway.Factory.Service<DoorEventService>().ReportJammedAsync("test-a", check.Compartment!.Value.Number, _locker.NextSeq());

        Assert.Equal(DoorEventOutcome.Applied, jammed);
        Assert.Equal(ReservationStatus.ReadyForPickup, (await ReservationAsync(booked.Reservation.Id))!.Status);
        await _locker.PickUpAsync(codes.Pin); // the retry works
        Assert.Equal(ReservationStatus.PickedUp, (await ReservationAsync(booked.Reservation.Id))!.Status);
    }

    // That an event reaches the door service only once is the link's (EventSequencer in the gateway's Link folder; LockerEventApplierTests);
    // the door service itself must still not spend a code or move a parcel twice.
    [Fact]
    public async Task DoorOpened_ReportedTwice_SpendsTheCodeAndStartsTheDepositOnce()
    {
        var booked = await _http.BookAsync();
        var check = await _locker.EnterAsync(booked.DropoffCode);
        var events = _gateway.Factory.Service<DoorEventService>();

        var first = await events.ConfirmOpenedAsync("test-a", check.Compartment!.Value.Number, 4242);
        var again = await events.ConfirmOpenedAsync("test-a", check.Compartment!.Value.Number, 4243);

        Assert.Equal(DoorEventOutcome.Applied, first);
        Assert.Equal(DoorEventOutcome.NoEffect, again);
    }

    [Fact]
    public async Task Pickup_DoorClosedAfterPickup_FreesTheCompartment()
    {
        var booked = await _http.BookAsync(ReservationRequests.Booking("XL"));
        var codes = await _locker.DepositAsync(booked.DropoffCode);

        await _locker.PickUpAsync(codes.Pin);

        var again = await _http.BookAsync(ReservationRequests.Booking("XL"));
        Assert.Equal("test-b", again.Reservation.LockerId);
    }

    [Theory]
    [InlineData("000000")]
    [InlineData("")]
    [InlineData("not a code at all, far too long to be anything we ever issued to anyone")]
    public async Task Check_UnknownOrMalformedCode_IsRejectedUniformly(string code)
    {
        await _locker.DepositAsync((await _http.BookAsync()).DropoffCode);

        var result = await _locker.EnterAsync(code);

        Assert.Equal(CodeCheckOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task Check_SpentDropoffCode_IsRejectedLikeAWrongOne()
    {
        var booked = await _http.BookAsync();
        await _locker.DepositAsync(booked.DropoffCode);

        Assert.Equal(CodeCheckOutcome.Rejected, (await _locker.EnterAsync(booked.DropoffCode)).Outcome);
    }

    [Fact]
    public async Task Check_PinAtAnotherSite_IsRejected()
    {
        var codes = await _locker.DepositAsync((await _http.BookAsync()).DropoffCode);

        var result = await _gateway.Factory.Service<LockerCodeVerifier>().CheckCodeAsync(
            new CodeCheckRequest("other-site", "x", "kp", codes.Pin, CodeSource.Keypad));

        Assert.Equal(CodeCheckOutcome.Rejected, result.Outcome);
    }

    [Fact]
    public async Task Qr_TokenFromScanner_IsAcceptedButNotFromKeypad()
    {
        var codes = await _locker.DepositAsync((await _http.BookAsync()).DropoffCode);

        Assert.Equal(CodeCheckOutcome.Accepted, (await _locker.EnterAsync(codes.QrToken, source: CodeSource.Qr)).Outcome);
        Assert.Equal(CodeCheckOutcome.Rejected, (await _locker.EnterAsync(codes.QrToken, source: CodeSource.Keypad)).Outcome);
    }

    [Fact]
    public async Task Issue_EveryCode_IsStoredOnlyAsHash()
    {
        var booked = await _http.BookAsync();
        var codes = await _locker.DepositAsync(booked.DropoffCode);

        var everything = DatabaseFiles.ReadAllAsLatin1(_gateway.DataDirectory);

        Assert.DoesNotContain(codes.QrToken, everything);
        Assert.DoesNotContain(codes.AccessToken, everything);
        Assert.DoesNotContain("\"" + codes.Pin + "\"", everything);
        Assert.DoesNotContain("\"" + booked.DropoffCode + "\"", everything);
    }

    [Fact]
    public async Task Pins_LiveAtOneSite_AreAllDifferent()
    {
        var pins = new List<string>();
        foreach (var size in new[] { "S", "S", "M", "L", "XL" })
        {
            pins.Add((await _locker.DepositAsync((await _http.BookAsync(ReservationRequests.Booking(size))).DropoffCode)).Pin);
        }

        Assert.Equal(pins.Count, pins.Distinct().Count());
    }
}
