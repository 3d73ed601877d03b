using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Lockers.Demo.Site;

/// <summary>
/// One webhook the gateway delivered, already checked against the client's webhook secret. <see cref="LockerId"/> and
/// <see cref="Compartment"/> are where the reservation is at the time of the event (a move, relocation or redirect changes
/// them); <see cref="DropoffCode"/> comes with a redirect or a changed drop-off code.
/// </summary>
public sealed record WebhookDelivery(
    string Id, string Type, string ReservationId, string? PickupPin, string? QrToken, string? AccessLink,
    string? LockerId = null, int? Compartment = null, string? Status = null, string? DropoffCode = null);

/// <summary>
/// The demo as the carrier's webhook endpoint: <c>POST http://127.0.0.1:&lt;port&gt;/hook</c>. It checks the
/// <c>Lockers-Signature</c> header (HMAC-SHA256 of "t.body" under the webhook secret, docs/api.md) and
/// raises <see cref="Received"/> before answering 204; a delivery with a bad signature gets 401 and is dropped.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly HttpListener _listener = new();
    private readonly string _secret;
    private readonly Task _loop;

    private WebhookReceiver(int port, string secret)
    {
        _secret = secret;
        _listener.Prefixes.Add($"http://127.0.0.1:{port}/hook/");
        _listener.Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary>Raised for each verified delivery, on a pool thread.</summary>
    public event Action<WebhookDelivery>? Received;

    /// <summary>Raised for each refused delivery, with the reason.</summary>
    public event Action<string>? Refused;

    public static string UrlFor(int port) => $"http://127.0.0.1:{port}/hook";

    public static WebhookReceiver Start(int port, string secret)
    {
        try
        {
            return new WebhookReceiver(port, secret);
        }
        catch (HttpListenerException ex)
        {
            throw new DemoException($"the webhook receiver cannot listen on 127.0.0.1:{port}: {ex.Message}");
        }
    }

    public static bool Verify(string secret, string? header, string body)
    {
        var parts = (header ?? "").Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0].Trim(), p => p[1].Trim());
        if (!parts.TryGetValue("t", out var t) || !parts.TryGetValue("v1", out var given))
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{t}.{body}"));
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(expected)), Encoding.ASCII.GetBytes(given));
    }

    public static WebhookDelivery Parse(string body)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        string? Secret(string name) =>
            root.TryGetProperty("secrets", out var secrets) && secrets.ValueKind == JsonValueKind.Object && secrets.TryGetProperty(name, out var value)
                ? value.GetString()
                : null;
        var reservation = root.GetProperty("reservation");
        string? Field(string name) => reservation.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        int? compartment = reservation.TryGetProperty("compartment", out var number) && number.ValueKind == JsonValueKind.Number ? number.GetInt32() : null;
        return new WebhookDelivery(
            root.GetProperty("id").GetString()!, root.GetProperty("type").GetString()!,
            reservation.GetProperty("id").GetString()!, Secret("pickupPin"), Secret("qrToken"), Secret("accessLink"),
            Field("lockerId"), compartment, Field("status"), Secret("dropoffCode"));
    }

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        try
        {
            // Stop ends GetContextAsync at once; the bound covers a request caught half-read.
            await _loop.WaitAsync(TimeSpan.FromSeconds(10));
        }
        finally
        {
            _listener.Close();
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            try
            {
                Handle(context);
            }
            catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException or IOException or HttpListenerException)
            {
                Refused?.Invoke("unreadable webhook: " + ex.Message);
                TryAnswer(context, 400);
            }
        }
    }

    private void Handle(HttpListenerContext context)
    {
        string body;
        using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
        {
            body = reader.ReadToEnd();
        }

        if (!Verify(_secret, context.Request.Headers["Lockers-Signature"], body))
        {
            Refused?.Invoke("a webhook with a wrong signature was refused");
            TryAnswer(context, 401);
            return;
        }

        // Recorded before the 2xx: a delivery the demo did not keep is retried by the gateway.
        Received?.Invoke(Parse(body));
        TryAnswer(context, 204);
    }

    private static void TryAnswer(HttpListenerContext context, int status)
    {
        try
        {
            context.Response.StatusCode = status;
            context.Response.Close();
        }
        catch (Exception ex) when (ex is HttpListenerException or ObjectDisposedException or InvalidOperationException)
        {
            // The gateway gave up on this delivery; it will retry.
        }
    }
}
