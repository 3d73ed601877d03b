using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Lockers.Demo.Site;

/// <summary>The demo as a carrier: books parcels and reads their status over the gateway's REST API (docs/api.md).</summary>
public sealed class ReservationClient(string baseUrl, string apiKey) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromSeconds(15) };

    /// <summary>
    /// Books a compartment. The idempotency key is derived from the parcel reference, so a demo interrupted between
    /// booking and saving gets the same reservation back on the next run instead of a second one.
    /// </summary>
    public async Task<DemoParcel> BookAsync(string siteId, string size, string parcelReference, string email)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/reservations")
        {
            Content = JsonContent.Create(new { siteId, size, parcelReference, recipient = new { email } }),
        };
        request.Headers.Add("X-Api-Key", apiKey);
        request.Headers.Add("Idempotency-Key", "demo-" + parcelReference);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoException($"booking a {size} compartment failed: {Problem(body, (int)response.StatusCode)}");
        }

        var root = JsonNode.Parse(body)!;
        var reservation = root["reservation"]!;
        return new DemoParcel
        {
            ReservationId = (string)reservation["id"]!,
            ParcelReference = parcelReference,
            Size = (string)reservation["size"]!,
            DropoffCode = (string)root["dropoffCode"]!,
            LockerId = (string?)reservation["lockerId"],
            Compartment = (int?)reservation["compartment"],
            Status = (string)reservation["status"]!,
            AccessLink = (string?)root["accessLink"],
        };
    }

    /// <summary>Issues a courier for the carrier (POST /api/v1/couriers): the badge token and the PIN, shown once.</summary>
    public async Task<(string Badge, string Pin)> IssueCourierAsync(string name)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/couriers") { Content = JsonContent.Create(new { name }) };
        request.Headers.Add("X-Api-Key", apiKey);
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new DemoException($"issuing a courier failed: {(int)response.StatusCode} {body}");
        }

        var root = JsonNode.Parse(body)!;
        return ((string)root["badgeToken"]!, (string)root["pin"]!);
    }

    /// <summary>The reservation's status, or null when the gateway does not answer.</summary>
    public async Task<string?> StatusAsync(string reservationId)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/reservations/" + Uri.EscapeDataString(reservationId));
        request.Headers.Add("X-Api-Key", apiKey);
        try
        {
            using var response = await _http.SendAsync(request);
            if (!response.IsSuccessStatusCode)
            {
                return null;
            }

            using var document = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            return document.RootElement.GetProperty("status").GetString();
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }

    /// <summary>A problem document (RFC 7807) in words: its title, detail and the fields it names; the raw body only when it is not one.</summary>
    public static string Problem(string body, int status)
    {
        try
        {
            var problem = JsonNode.Parse(body);
            var words = new List<string>();
            if ((string?)problem?["title"] is { } title) words.Add(title.TrimEnd('.'));
            if ((string?)problem?["detail"] is { } detail) words.Add(detail.TrimEnd('.'));
            if (problem?["errors"] is JsonObject errors)
            {
                words.AddRange(errors.Select(e => $"{e.Key}: {string.Join(", ", e.Value!.AsArray().Select(m => (string?)m))}"));
            }
            if (words.Count > 0) return string.Join("; ", words) + $" ({status})";
        }
        catch (JsonException)
        {
        }
        return $"{status} {body}".Trim();
    }

    public void Dispose() => _http.Dispose();
}
