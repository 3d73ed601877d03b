using System.Net;
using System.Net.Http.Json;
using Lockers.Gateway.Clients;
using Lockers.Gateway.CommandLine;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Clients;

public class ApiKeyTests : IDisposable
{
    private readonly GatewayFixture _gateway = new();

    [Fact]
    public async Task ApiKeyCreateCommand_NewClient_PrintsKeyAndWebhookSecretOnce()
    {
        var output = new StringWriter();

        var exit = await GatewayCommandLine.RunAsync(_gateway.Factory.Services,
            ["apikey", "create", "--client", "acme", "--webhook-url", "http://127.0.0.1:9/hook"], output, new StringWriter());

        Assert.Equal(0, exit);
        var text = output.ToString();
        Assert.Matches(@"api key:\s+lk_[0-9a-f]{12}_\S{43}", text);
        Assert.Contains("webhook secret: whsec_", text);
    }

    [Fact]
    public async Task ApiKeyCreateCommand_BadWebhookUrl_ExitsWithMessage()
    {
        var error = new StringWriter();

        var exit = await GatewayCommandLine.RunAsync(_gateway.Factory.Services,
            ["apikey", "create", "--client", "acme", "--webhook-url", "ftp://x"], new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains("must be an absolute http:// or https:// URL", error.ToString());
    }

    [Fact]
    public async Task CreateKey_Stored_OnlyAsHashNeverInClear()
    {
        var created = await _gateway.CreateKeyAsync();

        var everything = DatabaseFiles.ReadAllAsLatin1(_gateway.DataDirectory);

        Assert.DoesNotContain(created.ApiKey[16..], everything);
        Assert.NotNull(await _gateway.Factory.Service<ApiClientService>().AuthenticateAsync(created.ApiKey));
    }

    [Fact]
    public async Task Request_WithoutKey_Gets401Problem()
    {
        var http = _gateway.Factory.CreateClient();

        var response = await http.GetAsync("/api/v1/reservations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("X-Api-Key", (await response.ReadJsonAsync()).GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("lk_000000000000_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("garbage")]
    public async Task Request_WithWrongKey_Gets401(string key)
    {
        var http = _gateway.Factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", key);

        var response = await http.GetAsync("/api/v1/reservations");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Request_WithKeyInXApiKeyHeader_IsAccepted()
    {
        var created = await _gateway.CreateKeyAsync();
        var http = _gateway.Factory.CreateClient();
        http.DefaultRequestHeaders.Add("X-Api-Key", created.ApiKey);

        var response = await http.GetAsync("/api/v1/reservations");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Api_OtherClientsReservation_LooksMissing()
    {
        await _gateway.ImportTestSiteAsync();
        var acme = await _gateway.CreateApiClientAsync("acme");
        var globex = await _gateway.CreateApiClientAsync("globex");
        var booked = await acme.BookAsync();

        var get = await globex.GetAsync($"/api/v1/reservations/{booked.Reservation.Id}");
        var cancel = await globex.PostAsync($"/api/v1/reservations/{booked.Reservation.Id}/cancel", null);
        var list = await globex.GetFromJsonAsync<Gateway.Reservations.ReservationPage>("/api/v1/reservations", ReservationRequests.Json);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, cancel.StatusCode);
        Assert.Empty(list!.Items);
    }

    public void Dispose() => _gateway.Dispose();
}
