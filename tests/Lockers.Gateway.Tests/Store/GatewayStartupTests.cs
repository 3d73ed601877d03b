using Lockers.Gateway.Store.Sqlite;
using Lockers.Gateway.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.Store;

public class GatewayStartupTests
{
    [Fact]
    public void Start_WithoutPepper_RefusesWithMessageNamingTheOption()
    {
        using var directory = new TempDirectory();
        using var factory = new GatewayFactory(directory.Path, new FakeTimeProvider(), new Dictionary<string, string?> { ["Codes:Pepper"] = "" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("Codes:PepperFile", error);
    }

    [Fact]
    public void Start_WithShortPepper_Refuses()
    {
        using var directory = new TempDirectory();
        using var factory = new GatewayFactory(directory.Path, new FakeTimeProvider(), new Dictionary<string, string?> { ["Codes:Pepper"] = "short" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("at least 32 characters", error);
    }

    [Fact]
    public void Start_WithDevPepperAllowed_GeneratesPepperFileInDataDirectory()
    {
        using var directory = new TempDirectory();
        using var factory = new GatewayFactory(directory.Path, new FakeTimeProvider(),
            new Dictionary<string, string?> { ["Codes:Pepper"] = "", ["Codes:AllowDevPepper"] = "true" });

        factory.CreateClient();
        _ = factory.Service<Gateway.Codes.CodeSecrets>();

        Assert.True(File.ReadAllText(directory.File("dev-pepper")).Length >= 32);
    }

    [Fact]
    public void Start_InvalidThrottleSchedule_RefusesWithMessage()
    {
        using var directory = new TempDirectory();
        using var factory = new GatewayFactory(directory.Path, new FakeTimeProvider(),
            new Dictionary<string, string?> { ["Throttle:DelaysSeconds:0"] = "-1" });

        var error = Assert.ThrowsAny<Exception>(() => factory.CreateClient()).ToString();

        Assert.Contains("Throttle:DelaysSeconds", error);
    }

    [Fact]
    public void Start_DatabaseFromNewerGateway_StopsStartup()
    {
        using var directory = new TempDirectory();
        using (var first = new GatewayFactory(directory.Path, new FakeTimeProvider()))
        {
            first.CreateClient();
        }
        using (var connection = new SqliteConnection($"Data Source={directory.File("lockers.db")}"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO schema_version VALUES ({SqliteMigrations.Latest + 5}, 'future', 0);";
            command.ExecuteNonQuery();
        }
        using var second = new GatewayFactory(directory.Path, new FakeTimeProvider());

        var error = Assert.ThrowsAny<Exception>(() => second.CreateClient());

        Assert.Contains("newer gateway", error.ToString());
    }
}
