using System.Net;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Codes;

public class AccessLinkApiTests : IAsyncLifetime
{
    private readonly GatewayFixture _gateway = new();
    private HttpClient _http = null!;

    public async Task InitializeAsync()
    {
        await _gateway.ImportTestSiteAsync();
        _http = await _gateway.CreateApiClientAsync();
    }

    public Task DisposeAsync()
    {
        _gateway.Dispose();
        return Task.CompletedTask;
    }

    [Fact]
    public async Task QrSvg_ValidAccessToken_ReturnsSvgWithoutCaching()
    {
        var codes = await new LockerDriver(_gateway.Factory).DepositAsync((await _http.BookAsync()).DropoffCode);

        var response = await _gateway.Factory.CreateClient().GetAsync($"/r/{codes.AccessToken}/qr.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task QrSvg_UnknownToken_Returns404Problem()
    {
        var response = await _gateway.Factory.CreateClient().GetAsync("/r/AAAAAAAAAAAAAAAAAAAAAA/qr.svg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task QrSvg_AfterPickup_Returns404()
    {
        var locker = new LockerDriver(_gateway.Factory);
        var codes = await locker.DepositAsync((await _http.BookAsync()).DropoffCode);
        await locker.PickUpAsync(codes.Pin);

        var response = await _gateway.Factory.CreateClient().GetAsync($"/r/{codes.AccessToken}/qr.svg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
