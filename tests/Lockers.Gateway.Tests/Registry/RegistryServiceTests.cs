using Lockers.Gateway.Reservations;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Registry;

public class RegistryServiceTests : IDisposable
{
    private readonly GatewayFixture _gateway = new();

    private Task<IReadOnlyList<Compartment>> CompartmentsAsync() =>
        _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Registry.ListCompartmentsAsync(GatewayFixture.SiteId));

    [Fact]
    public async Task Import_SameDefinitionTwice_KeepsOneCopyAndServiceFlags()
    {
        await _gateway.ImportTestSiteAsync();
        await _gateway.Factory.Service<AvailabilityService>().SetCompartmentInServiceAsync(new CompartmentRef("test-a", 3), false, "test");

        await _gateway.ImportTestSiteAsync();

        var compartments = await CompartmentsAsync();
        Assert.Equal(5, compartments.Count);
        Assert.False(compartments.Single(c => c.Ref == new CompartmentRef("test-a", 3)).InService);
    }

    [Fact]
    public async Task SetLockerOnline_SameValueTwice_ReportsNoChangeTheSecondTime()
    {
        await _gateway.ImportTestSiteAsync();
        var registry = _gateway.Factory.Service<AvailabilityService>();

        Assert.True(await registry.SetLockerOnlineAsync("test-a", false));
        Assert.False(await registry.SetLockerOnlineAsync("test-a", false));
    }

    [Fact]
    public async Task SiteImportCommand_ValidFile_ImportsAndPrintsSummary()
    {
        var file = Path.Combine(_gateway.DataDirectory, "site.json");
        await File.WriteAllTextAsync(file, """
            { "id": "cli-site", "name": "CLI", "lockers": [ { "id": "cli-a", "name": "A",
              "compartments": [ { "number": 1, "size": "M", "column": 0, "row": 0 } ] } ] }
            """);
        var output = new StringWriter();

        var exit = await Gateway.CommandLine.GatewayCommandLine.RunAsync(
            _gateway.Factory.Services, ["site", "import", "--file", file], output, new StringWriter());

        Assert.Equal(0, exit);
        Assert.Contains("imported site cli-site: 1 lockers, 1 compartments", output.ToString());
        Assert.NotNull(await _gateway.Factory.Service<ILockerStore>().ExecuteAsync(tx => tx.Registry.GetLockerAsync("cli-a")));
    }

    [Fact]
    public async Task SiteImportCommand_InvalidFile_ExitsNonZeroWithErrors()
    {
        var file = Path.Combine(_gateway.DataDirectory, "site.json");
        await File.WriteAllTextAsync(file, """{ "id": "x", "name": "X", "lockers": [] }""");
        var error = new StringWriter();

        var exit = await Gateway.CommandLine.GatewayCommandLine.RunAsync(
            _gateway.Factory.Services, ["site", "import", "--file", file], new StringWriter(), error);

        Assert.Equal(1, exit);
        Assert.Contains("lockers: at least one locker is required", error.ToString());
    }

    public void Dispose() => _gateway.Dispose();
}
