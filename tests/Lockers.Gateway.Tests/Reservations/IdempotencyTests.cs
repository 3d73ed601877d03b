using System.Net;
using System.Net.Http.Json;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Reservations;

public class IdempotencyTests : ApiTest
{
    private Task<HttpResponseMessage> PostAsync(string key, object body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reservations") { Content = JsonContent.Create(body) };
        request.Headers.Add("Idempotency-Key", key);
        return Http.SendAsync(request);
    }

    [Fact]
    public async Task Create_SameKeySameBody_ReturnsFirstResponseAndBooksOnce()
    {
        var first = await PostAsync("key-1", ReservationRequests.Booking());
        var second = await PostAsync("key-1", ReservationRequests.Booking());

        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal("true", second.Headers.GetValues("Idempotent-Replayed").Single());
        var list = await Http.GetFromJsonAsync<Gateway.Reservations.ReservationPage>("/api/v1/reservations", ReservationRequests.Json);
        Assert.Single(list!.Items);
    }

    [Fact]
    public async Task Create_SameKeyDifferentBody_Returns422Problem()
    {
        await PostAsync("key-2", ReservationRequests.Booking(parcel: "A"));

        var response = await PostAsync("key-2", ReservationRequests.Booking(parcel: "B"));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        Assert.Equal("Idempotency-Key reused", (await response.ReadJsonAsync()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task Create_SameKeyOtherClient_BooksIndependently()
    {
        var other = await Gateway.CreateApiClientAsync("globex");
        await PostAsync("shared", ReservationRequests.Booking(parcel: "A"));

        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reservations") { Content = JsonContent.Create(ReservationRequests.Booking(parcel: "B")) };
        request.Headers.Add("Idempotency-Key", "shared");
        var response = await other.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task Create_InvalidKey_ReturnsValidationProblem()
    {
        var response = await PostAsync(new string('k', 300), ReservationRequests.Booking());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("Idempotency-Key", out _));
    }
}
