using System.Net;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Codes;

public class AccessLinkApiTests : ApiTest
{
    [Fact]
    public async Task QrSvg_ValidAccessToken_ReturnsSvgWithoutCaching()
    {
        var codes = await new LockerDriver(Gateway.Factory).DepositAsync((await Http.BookAsync()).DropoffCode);

        var response = await Gateway.Factory.CreateClient().GetAsync($"/r/{codes.AccessToken}/qr.svg");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("image/svg+xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<svg", await response.Content.ReadAsStringAsync());
        Assert.Equal("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task QrSvg_UnknownToken_Returns404Problem()
    {
        var response = await Gateway.Factory.CreateClient().GetAsync("/r/AAAAAAAAAAAAAAAAAAAAAA/qr.svg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task QrSvg_AfterPickup_Returns404()
    {
        var locker = new LockerDriver(Gateway.Factory);
        var codes = await locker.DepositAsync((await Http.BookAsync()).DropoffCode);
        await locker.PickUpAsync(codes.Pin);

        var response = await Gateway.Factory.CreateClient().GetAsync($"/r/{codes.AccessToken}/qr.svg");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
