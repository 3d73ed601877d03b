using Lockers.Gateway.Store.Sqlite;
using Lockers.Gateway.Tests.Faults;
using Lockers.Gateway.Tests.Infrastructure;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Tests.Store;

/// <summary>
/// The gateway refuses to start on settings or a database it cannot run with, and says why. Refusals run the gateway as
/// its own process (what an operator sees: it stops, with the reason, and a non-zero exit code); see
/// <see cref="GatewayProcess.RunRefusedAsync"/> for why not in process.
/// </summary>
public class GatewayStartupTests
{
    /// <summary>A gateway that would start: its own data directory, a pepper, no locker link (no broker here).</summary>
    private static Dictionary<string, string?> Settings(TempDirectory directory, params (string Key, string Value)[] changes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Store:DataDirectory"] = directory.Path,
            ["Codes:Pepper"] = GatewayFactory.TestPepper,
            ["LockerLink:Enabled"] = "false",
        };
        foreach (var (key, value) in changes)
        {
            settings[key] = value;
        }
        return settings;
    }

    private static async Task AssertRefusedAsync(Dictionary<string, string?> settings, string because)
    {
        var (exitCode, output) = await GatewayProcess.RunRefusedAsync(settings);

        Assert.NotEqual(0, exitCode);
        Assert.True(output.Contains(because, StringComparison.Ordinal), $"the refusal does not say \"{because}\":\n{output}");
    }

    [Fact]
    public async Task Start_WithoutPepper_RefusesWithMessageNamingTheOption()
    {
        using var directory = new TempDirectory();

        await AssertRefusedAsync(Settings(directory, ("Codes:Pepper", "")), "Codes:PepperFile");
    }

    [Fact]
    public async Task Start_WithShortPepper_Refuses()
    {
        using var directory = new TempDirectory();

        await AssertRefusedAsync(Settings(directory, ("Codes:Pepper", "short")), "at least 32 characters");
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
    public async Task Start_InvalidThrottleSchedule_RefusesWithMessage()
    {
        using var directory = new TempDirectory();

        await AssertRefusedAsync(Settings(directory, ("Throttle:DelaysSeconds:0", "-1")), "Throttle:DelaysSeconds");
    }

    [Fact]
    public async Task Start_DatabaseFromNewerGateway_StopsStartup()
    {
        using var directory = new TempDirectory();
        using (var first = new GatewayFactory(directory.Path, new FakeTimeProvider()))
        {
            first.CreateClient();
        }
        using (var connection = new SqliteConnection($"Data Source={directory.File("lockers.db")};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO schema_version VALUES ({SqliteMigrations.Latest + 5}, 'future', 0);";
            command.ExecuteNonQuery();
        }

        await AssertRefusedAsync(Settings(directory), "newer gateway");
    }
}
