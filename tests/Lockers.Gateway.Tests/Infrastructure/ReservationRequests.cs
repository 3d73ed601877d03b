using System.Net.Http.Json;
using System.Text.Json;
using Lockers.Gateway.Reservations;

namespace Lockers.Gateway.Tests.Infrastructure;

/// <summary>Small HTTP helpers for the reservations API.</summary>
public static class ReservationRequests
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static object Booking(string size = "S", bool accessible = false, string parcel = "PARCEL-1", int? hours = null) => new
    {
        siteId = GatewayFixture.SiteId,
        size,
        accessible,
        parcelReference = parcel,
        recipient = new { email = "someone@example.com", phone = "+819012345678" },
        pickupWindowHours = hours,
    };

    public static async Task<BookedReservationResponse> BookAsync(this HttpClient http, object? body = null)
    {
        var response = await http.PostAsJsonAsync("/api/v1/reservations", body ?? Booking());
        Assert.True(response.IsSuccessStatusCode, $"booking failed: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<BookedReservationResponse>(Json))!;
    }

    public static async Task<JsonElement> ReadJsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
}
