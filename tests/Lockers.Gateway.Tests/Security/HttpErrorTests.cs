using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Security;

/// <summary>
/// Issue 13, finding 8, against real Kestrel: every error is a problem document, bodies are capped, JSON types are strict,
/// e-mail addresses are addresses. Before: a 40 MB body gave an unhandled 500, a %00 path a bare 400 without a body,
/// "72" was taken for an integer and markup for an e-mail address.
/// </summary>
public sealed class HttpErrorTests
{
    private const string Bookings = "/api/v1/reservations";

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.True(problem.TryGetProperty("title", out _));
        return problem;
    }

    [Fact]
    public async Task Finding8_FortyMegabyteBody_Is413ProblemDocument_AndNothingIsBooked()
    {
        using var system = await KestrelGateway.StartAsync();
        using var http = await system.ApiClientAsync();
        var body = new ByteArrayContent(new byte[40 * 1024 * 1024]);
        body.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        // Expect: 100-continue, as curl sends for a large body: the answer comes before the body is sent, so the test reads
        // it instead of a broken pipe from the server closing on a body it will never read.
        using var request = new HttpRequestMessage(HttpMethod.Post, Bookings) { Content = body };
        request.Headers.ExpectContinue = true;

        using var response = await http.SendAsync(request);

        var problem = await AssertProblemAsync(response, HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("65536", problem.GetProperty("detail").GetString());
        var audit = await system.Service<Gateway.Store.ILockerStore>().ExecuteAsync(tx => tx.Audit.ListRecentAsync(50));
        Assert.DoesNotContain(audit, entry => entry.Action == Gateway.Audit.AuditActions.ReservationBooked);
    }

    [Theory]
    [InlineData("/%00")]
    [InlineData("/api/v1/reservations/%00")]
    [InlineData("/dashboard/%00/index.html")]
    public async Task Finding8_NulInThePath_Is400ProblemDocument(string path)
    {
        using var system = await KestrelGateway.StartAsync();
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(system.BaseAddress.Host, system.BaseAddress.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"GET {path} HTTP/1.1\r\nHost: localhost\r\n\r\n"));

        var response = await ReadToEndAsync(stream);

        Assert.StartsWith("HTTP/1.1 400 ", response);
        var (head, body) = (response[..response.IndexOf("\r\n\r\n")], response[(response.IndexOf("\r\n\r\n") + 4)..]);
        Assert.Contains("Content-Type: application/problem+json", head);
        Assert.Contains($"Content-Length: {Encoding.UTF8.GetByteCount(body)}", head);
        Assert.Equal(400, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task NotFoundAndWrongMethod_AreProblemDocuments()
    {
        using var system = await KestrelGateway.StartAsync();
        using var http = system.Client();

        await AssertProblemAsync(await http.GetAsync("/no/such/page"), HttpStatusCode.NotFound);
        await AssertProblemAsync(await http.GetAsync("/dashboard/api/sign-in"), HttpStatusCode.MethodNotAllowed);
        await AssertProblemAsync(await http.GetAsync(Bookings), HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Finding8_IntegerSentAsAString_IsRefusedNamingTheField()
    {
        using var system = await KestrelGateway.StartAsync();
        using var http = await system.ApiClientAsync();
        var booking = JsonSerializer.Serialize(ReservationRequests.Booking()).Replace("\"pickupWindowHours\":null", "\"pickupWindowHours\":\"72\"");

        using var response = await http.PostAsync(Bookings, new StringContent(booking, Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("pickupWindowHours", problem.GetProperty("errors").EnumerateObject().Single().Name);
    }

    [Theory]
    [InlineData("<b>x</b>@example.org")]
    [InlineData("\"><script>alert(1)</script>\"@example.org")]
    [InlineData("x@example.org<img src=x onerror=alert(1)>")]
    [InlineData("x@[127.0.0.1]")]
    public async Task Finding8_MarkupAsEmail_IsRefused_WithoutEchoingIt(string email)
    {
        using var system = await KestrelGateway.StartAsync();
        using var http = await system.ApiClientAsync();

        using var response = await http.PostAsJsonAsync(Bookings, new
        {
            siteId = GatewayFixture.SiteId, size = "S", parcelReference = "P-1", recipient = new { email },
        });

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("recipient.email", out _));
        Assert.DoesNotContain("<", problem.ToString());
    }

    [Theory]
    [InlineData("o'brien+parcels@example.co.uk")]
    [InlineData("first.last@xn--bcher-kva.example")]
    public async Task RealAddresses_AreAccepted(string email)
    {
        using var system = await KestrelGateway.StartAsync();
        using var http = await system.ApiClientAsync();

        using var response = await http.PostAsJsonAsync(Bookings, new
        {
            siteId = GatewayFixture.SiteId, size = "S", parcelReference = "P-1", recipient = new { email },
        });

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    private static async Task<string> ReadToEndAsync(NetworkStream stream)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, timeout.Token); // Kestrel closes the connection after a refusal
        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
