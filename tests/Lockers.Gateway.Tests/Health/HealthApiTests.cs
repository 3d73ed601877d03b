using System.Net;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Health;

public class HealthApiTests : IDisposable
{
    private readonly GatewayFixture _gateway = new();

    [Fact]
    public async Task Health_StoreReachable_ReportsHealthyStoreCheck()
    {
        var response = await _gateway.Factory.CreateClient().GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal("Healthy", body.GetProperty("status").GetString());
        Assert.Equal("Healthy", body.GetProperty("checks").GetProperty("store").GetProperty("status").GetString());
    }

    [Fact]
    public async Task Health_DatabaseReplacedByGarbage_ReportsUnhealthy()
    {
        var http = _gateway.Factory.CreateClient();
        await http.GetAsync("/health");
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        foreach (var file in Directory.GetFiles(_gateway.DataDirectory, "lockers.db*"))
        {
            File.Delete(file);
        }
        await File.WriteAllTextAsync(_gateway.DatabasePath, new string('x', 4096));

        var response = await http.GetAsync("/health");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Contains("not a readable SQLite database", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Alive_Always_Answers200()
    {
        var response = await _gateway.Factory.CreateClient().GetAsync("/alive");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task OpenApi_Document_ListsTheReservationEndpoints()
    {
        var response = await _gateway.Factory.CreateClient().GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/reservations", out _));
        Assert.True(paths.TryGetProperty("/api/v1/reservations/{id}/extend", out _));
    }

    public void Dispose() => _gateway.Dispose();
}
