using System.Net;
using System.Net.Http.Json;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Reservations;

public class ReservationLifecycleApiTests : ApiTest
{
    private async Task<ReservationResponse> GetAsync(string id) =>
        (await Http.GetFromJsonAsync<ReservationResponse>($"/api/v1/reservations/{id}", ReservationRequests.Json))!;

    [Fact]
    public async Task Get_OwnReservation_ReturnsItWithoutAnyCode()
    {
        var booked = await Http.BookAsync();

        var text = await Http.GetStringAsync($"/api/v1/reservations/{booked.Reservation.Id}");

        Assert.Contains(booked.Reservation.Id, text);
        Assert.DoesNotContain(booked.DropoffCode, text);
    }

    [Fact]
    public async Task Get_AfterCreateAtAFractionalMillisecond_ReturnsTheSameCreatedAt()
    {
        Gateway.Time.Advance(TimeSpan.FromTicks(1_234_567));
        var booked = await Http.BookAsync();

        Assert.Equal(booked.Reservation.CreatedAt, (await GetAsync(booked.Reservation.Id)).CreatedAt);
    }

    [Fact]
    public async Task Get_UnknownId_Returns404Problem()
    {
        var response = await Http.GetAsync("/api/v1/reservations/rsv_nope");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task List_ThreePagesOfTwo_WalksEveryReservationOnce()
    {
        var ids = new List<string>();
        foreach (var size in new[] { "S", "S", "M", "L", "XL" })
        {
            ids.Add((await Http.BookAsync(ReservationRequests.Booking(size))).Reservation.Id);
            Gateway.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await Http.GetFromJsonAsync<ReservationPage>(
                "/api/v1/reservations?limit=2" + (cursor is null ? "" : $"&cursor={cursor}"), ReservationRequests.Json);
            seen.AddRange(page!.Items.Select(i => i.Id));
            cursor = page.NextCursor;
            pages++;
        }
        while (cursor is not null && pages < 10);

        Assert.Equal(3, pages);
        Assert.Equal(ids, seen);
    }

    [Fact]
    public async Task List_StatusFilter_ReturnsOnlyThatStatus()
    {
        var keep = await Http.BookAsync();
        var cancel = await Http.BookAsync();
        await Http.PostAsync($"/api/v1/reservations/{cancel.Reservation.Id}/cancel", null);

        var page = await Http.GetFromJsonAsync<ReservationPage>("/api/v1/reservations?status=cancelled", ReservationRequests.Json);

        Assert.Equal(cancel.Reservation.Id, Assert.Single(page!.Items).Id);
        Assert.NotEqual(keep.Reservation.Id, page.Items[0].Id);
    }

    [Theory]
    [InlineData("status=lost", "status")]
    [InlineData("cursor=not-a-cursor", "cursor")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=abc", "limit")]
    public async Task List_BadQuery_ReturnsValidationProblem(string query, string field)
    {
        var response = await Http.GetAsync("/api/v1/reservations?" + query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Cancel_Booked_FreesTheCompartment()
    {
        var booked = await Http.BookAsync(ReservationRequests.Booking("XL"));

        var response = await Http.PostAsync($"/api/v1/reservations/{booked.Reservation.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("cancelled", (await GetAsync(booked.Reservation.Id)).Status);
        await Http.BookAsync(ReservationRequests.Booking("XL")); // the XL is free again
    }

    [Fact]
    public async Task Cancel_Booked_DropoffCodeStopsWorking()
    {
        var booked = await Http.BookAsync();
        await Http.PostAsync($"/api/v1/reservations/{booked.Reservation.Id}/cancel", null);

        var check = await new LockerDriver(Gateway.Factory).EnterAsync(booked.DropoffCode);

        Assert.Equal(Lockers.Gateway.Reservations.Doors.CodeCheckOutcome.Rejected, check.Outcome);
    }

    [Fact]
    public async Task Cancel_AfterDeposit_Returns409Problem()
    {
        var booked = await Http.BookAsync();
        await new LockerDriver(Gateway.Factory).DepositAsync(booked.DropoffCode);

        var response = await Http.PostAsync($"/api/v1/reservations/{booked.Reservation.Id}/cancel", null);

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("ready_for_pickup", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Extend_ReadyReservation_MovesTheDeadline()
    {
        var booked = await Http.BookAsync(ReservationRequests.Booking(hours: 24));
        await new LockerDriver(Gateway.Factory).DepositAsync(booked.DropoffCode);
        var before = await GetAsync(booked.Reservation.Id);

        var response = await Http.PostAsJsonAsync($"/api/v1/reservations/{booked.Reservation.Id}/extend", new { hours = 12 });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var after = await GetAsync(booked.Reservation.Id);
        Assert.Equal(36, after.PickupWindowHours);
        Assert.Equal(before.PickupDeadline!.Value.AddHours(12), after.PickupDeadline);
    }

    [Fact]
    public async Task Extend_BeyondMaximum_Returns409AndChangesNothing()
    {
        var booked = await Http.BookAsync(ReservationRequests.Booking(hours: 160));

        var response = await Http.PostAsJsonAsync($"/api/v1/reservations/{booked.Reservation.Id}/extend", new { hours = 10 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Contains("at most 168 hours", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
        Assert.Equal(160, (await GetAsync(booked.Reservation.Id)).PickupWindowHours);
    }

    [Fact]
    public async Task Extend_MissingHours_ReturnsValidationProblem()
    {
        var booked = await Http.BookAsync();

        var response = await Http.PostAsJsonAsync($"/api/v1/reservations/{booked.Reservation.Id}/extend", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("hours", out _));
    }
}
