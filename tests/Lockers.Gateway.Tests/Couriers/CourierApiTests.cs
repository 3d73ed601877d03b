using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Couriers;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;
using Lockers.Gateway.Tests.Recipients;

namespace Lockers.Gateway.Tests.Couriers;

/// <summary>Couriers issued and revoked by their carrier; their badge and PIN are recognised at a locker, and a PIN guess is throttled like any code.</summary>
public sealed class CourierApiTests
{
    [Fact]
    public async Task IssuedCourier_BadgeAndPinAreRecognised_UntilRevoked()
    {
        await using var gateway = await RecipientGateway.StartAsync();

        var issued = await IssueAsync(gateway, "Sato");

        Assert.Equal(9, issued.Pin.Length);
        Assert.StartsWith("<svg", issued.BadgeSvg.TrimStart());
        Assert.Equal(CodeCheckOutcome.Courier, (await gateway.CheckAsync(RecipientGateway.Station, issued.BadgeToken, CodeSource.Qr)).Outcome);
        Assert.Equal(CodeCheckOutcome.Courier, (await gateway.CheckAsync(RecipientGateway.Station, issued.Pin)).Outcome);

        var revoked = await gateway.Api.PostAsync($"/api/v1/couriers/{issued.Courier.Id}/revoke", null);

        Assert.Equal(HttpStatusCode.NoContent, revoked.StatusCode);
        Assert.Equal(CodeCheckOutcome.Rejected, (await gateway.CheckAsync(RecipientGateway.Station, issued.BadgeToken, CodeSource.Qr)).Outcome);
        Assert.Equal(CodeCheckOutcome.Rejected, (await gateway.CheckAsync(RecipientGateway.Station, issued.Pin)).Outcome);
        var listed = await gateway.Api.GetFromJsonAsync<List<CourierResponse>>("/api/v1/couriers", ReservationRequests.Json);
        Assert.NotNull(Assert.Single(listed!).RevokedAt);
        var audit = await gateway.Gateway.Factory.Service<ILockerStore>().ReadAsync(tx => tx.Audit.ListRecentAsync(50));
        Assert.Contains(audit, e => e.Action == AuditActions.CourierIssued);
        Assert.Contains(audit, e => e.Action == AuditActions.CourierRevoked);
    }

    [Fact]
    public async Task AnotherCarrier_CannotRevokeACourier_NorSeeIt()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var issued = await IssueAsync(gateway, "Sato");
        var other = await gateway.Gateway.CreateApiClientAsync("sagawa");

        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsync($"/api/v1/couriers/{issued.Courier.Id}/revoke", null)).StatusCode);
        Assert.Empty((await other.GetFromJsonAsync<List<CourierResponse>>("/api/v1/couriers", ReservationRequests.Json))!);
        Assert.Equal(CodeCheckOutcome.Courier, (await gateway.CheckAsync(RecipientGateway.Station, issued.Pin)).Outcome);
    }

    [Fact]
    public async Task GuessedCourierPins_AreThrottledAtTheKeypad_LikeEveryCode()
    {
        await using var gateway = await RecipientGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Throttle:DelaysSeconds:0"] = "0", ["Throttle:DelaysSeconds:1"] = "60",
        });
        var issued = await IssueAsync(gateway, "Sato");
        var wrong = issued.Pin == "123456789" ? "987654321" : "123456789";

        Assert.Equal(CodeCheckOutcome.Rejected, (await gateway.CheckAsync(RecipientGateway.Station, wrong)).Outcome);
        Assert.Equal(CodeCheckOutcome.Rejected, (await gateway.CheckAsync(RecipientGateway.Station, wrong)).Outcome);

        // Held back now: even the right PIN is not checked at this keypad until the delay is over.
        Assert.Equal(CodeCheckOutcome.Throttled, (await gateway.CheckAsync(RecipientGateway.Station, issued.Pin)).Outcome);
    }

    [Fact]
    public async Task WrongCourierPin_CountsInTheCourierPinFamily()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var issued = await IssueAsync(gateway, "Sato");
        var wrong = issued.Pin == "123456789" ? "987654321" : "123456789";

        Assert.Equal(CodeCheckOutcome.Rejected, (await gateway.CheckAsync(RecipientGateway.Station, wrong)).Outcome);

        var audit = await gateway.Gateway.Factory.Service<ILockerStore>().ReadAsync(tx => tx.Audit.ListRecentAsync(50));
        Assert.Contains("family=courier_pin", Assert.Single(audit, e => e.Action == AuditActions.CodeRejected).Detail);
    }

    [Fact]
    public async Task CourierPin_WhereUnlocksAreHeld_IsNotChecked_AndStartsNoRound()
    {
        await using var gateway = await RecipientGateway.StartAsync();
        var issued = await IssueAsync(gateway, "Sato");
        var held = await gateway.Gateway.Factory.Service<Lockers.Gateway.Dashboard.UnlockHoldService>()
            .HoldAsync(RecipientGateway.Station, "cameras show someone trying doors", "mia");
        Assert.True(held.Done);

        Assert.Equal(CodeCheckOutcome.Held, (await gateway.CheckAsync(RecipientGateway.Station, issued.Pin)).Outcome);
        Assert.Equal(CodeCheckOutcome.Held, (await gateway.CheckAsync(RecipientGateway.Station, issued.BadgeToken, CodeSource.Qr)).Outcome);
    }

    [Theory]
    [InlineData("{}")]
    [InlineData("{\"name\":\"\"}")]
    [InlineData("{\"name\":\"a\\u0007b\"}")]
    public async Task IssueWithoutAName_IsRefusedWithTheField(string body)
    {
        await using var gateway = await RecipientGateway.StartAsync();

        var response = await gateway.Api.PostAsync("/api/v1/couriers", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True((await response.ReadJsonAsync()).GetProperty("errors").TryGetProperty("name", out _));
    }

    public static async Task<IssuedCourierResponse> IssueAsync(RecipientGateway gateway, string name)
    {
        var response = await gateway.Api.PostAsJsonAsync("/api/v1/couriers", new { name });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<IssuedCourierResponse>(new JsonSerializerOptions(JsonSerializerDefaults.Web)))!;
    }
}
