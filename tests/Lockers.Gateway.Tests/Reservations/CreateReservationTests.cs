using System.Net;
using System.Net.Http.Json;
using System.Text;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Reservations;

public class CreateReservationTests : ApiTest
{
    [Fact]
    public async Task Create_ValidBooking_Returns201WithDropoffCodeAndBookedStatus()
    {
        var response = await Http.PostAsJsonAsync("/api/v1/reservations", ReservationRequests.Booking());

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var body = await response.ReadJsonAsync();
        var reservation = body.GetProperty("reservation");
        Assert.Matches("^[0-9]{8}$", body.GetProperty("dropoffCode").GetString());
        Assert.Equal("booked", reservation.GetProperty("status").GetString());
        Assert.StartsWith("rsv_", reservation.GetProperty("id").GetString());
        Assert.Equal($"/api/v1/reservations/{reservation.GetProperty("id").GetString()}", response.Headers.Location?.OriginalString);
        Assert.Equal(72, reservation.GetProperty("pickupWindowHours").GetInt32());
    }

    [Fact]
    public async Task Create_NonAccessibleSmall_TakesTheNonAccessibleSmallFirst()
    {
        var booked = await Http.BookAsync(ReservationRequests.Booking("S"));

        Assert.Equal(("test-a", 1), (booked.Reservation.LockerId, booked.Reservation.Compartment));
    }

    [Fact]
    public async Task Create_AccessibleRequested_GetsAnAccessibleCompartment()
    {
        var booked = await Http.BookAsync(ReservationRequests.Booking("S", accessible: true));

        Assert.Equal(2, booked.Reservation.Compartment);
    }

    [Fact]
    public async Task Create_SizeFull_TakesTheSmallestLargerThatFits()
    {
        await Http.BookAsync(ReservationRequests.Booking("M"));

        var second = await Http.BookAsync(ReservationRequests.Booking("M"));

        Assert.Equal(("test-a", 4), (second.Reservation.LockerId, second.Reservation.Compartment)); // the L
    }

    [Fact]
    public async Task Create_NothingLargeEnoughFree_Returns409Problem()
    {
        await Http.BookAsync(ReservationRequests.Booking("XL"));

        var response = await Http.PostAsJsonAsync("/api/v1/reservations", ReservationRequests.Booking("XL"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.ReadJsonAsync();
        Assert.Equal("No free compartment", problem.GetProperty("title").GetString());
        Assert.Contains("size XL or larger", problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Create_TwoAtOnceForTheLastCompartment_ExactlyOneWins()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            Http.PostAsJsonAsync("/api/v1/reservations", ReservationRequests.Booking("XL", parcel: $"P{i}"))));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
    }

    [Fact]
    public async Task Create_OutOfServiceCompartment_IsNeverBooked()
    {
        await Gateway.Factory.Service<Gateway.Reservations.AvailabilityService>()
            .SetCompartmentInServiceAsync(new Gateway.Registry.CompartmentRef("test-b", 1), false, "test");

        var response = await Http.PostAsJsonAsync("/api/v1/reservations", ReservationRequests.Booking("XL"));

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
    }

    [Fact]
    public async Task Create_EmptyBody_ListsEveryMissingField()
    {
        var response = await Http.PostAsJsonAsync("/api/v1/reservations", new { });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.ReadJsonAsync()).GetProperty("errors");
        foreach (var field in new[] { "siteId", "size", "parcelReference", "recipient" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"no error for {field}");
        }
    }

    [Theory]
    [InlineData("size", "XXL", "size")]
    [InlineData("email", "not-an-email", "recipient.email")]
    [InlineData("phone", "090-1234", "recipient.phone")]
    [InlineData("phone", "+81<script>alert(1)</script>", "recipient.phone")]
    [InlineData("hours", "0", "pickupWindowHours")]
    [InlineData("hours", "1000", "pickupWindowHours")]
    [InlineData("parcel", "has spaces in it", "parcelReference")]
    public async Task Create_InvalidField_ReturnsValidationProblemNamingIt(string what, string value, string field)
    {
        object body = what switch
        {
            "size" => ReservationRequests.Booking(size: value),
            "hours" => ReservationRequests.Booking(hours: int.Parse(value)),
            "parcel" => ReservationRequests.Booking(parcel: value),
            "email" => new { siteId = GatewayFixture.SiteId, size = "S", parcelReference = "P1", recipient = new { email = value } },
            _ => new { siteId = GatewayFixture.SiteId, size = "S", parcelReference = "P1", recipient = new { phone = value } },
        };

        var response = await Http.PostAsJsonAsync("/api/v1/reservations", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty(field, out _));
    }

    [Fact]
    public async Task Create_UnknownSite_ReturnsValidationProblem()
    {
        var response = await Http.PostAsJsonAsync("/api/v1/reservations",
            new { siteId = "nowhere", size = "S", parcelReference = "P1", recipient = new { email = "a@b.cd" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("nowhere", (await response.ReadJsonAsync()).GetProperty("errors").GetProperty("siteId")[0].GetString());
    }

    [Fact]
    public async Task Create_MalformedJson_ReturnsProblemAndBooksNothing()
    {
        var response = await Http.PostAsync("/api/v1/reservations",
            new StringContent("{\"siteId\": \"test-site\", \"size\": ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var list = await Http.GetFromJsonAsync<Gateway.Reservations.ReservationPage>("/api/v1/reservations", ReservationRequests.Json);
        Assert.Empty(list!.Items);
    }

    [Fact]
    public async Task Create_WrongJsonType_NamesThePlace()
    {
        var response = await Http.PostAsync("/api/v1/reservations",
            new StringContent("""{"siteId": "test-site", "size": 5}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("$.size", out _));
    }

    [Fact]
    public async Task Create_NotJsonContentType_Returns415Problem()
    {
        var response = await Http.PostAsync("/api/v1/reservations", new StringContent("siteId=x", Encoding.UTF8, "text/plain"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
