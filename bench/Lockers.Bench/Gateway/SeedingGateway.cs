extern alias gatewayapp;
using Lockers.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Lockers.Bench.Gateway;

/// <summary>
/// The gateway's own services in this process, over the bench's data directory, with the locker link off: used only
/// to seed the store before the measured gateway (<see cref="GatewayProcess"/>) starts on the same directory.
/// </summary>
public sealed class SeedingGateway(string dataDirectory, string pepper) : WebApplicationFactory<gatewayapp::Program>
{
    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        // WebApplicationFactory guesses the content root from test-assembly attributes; this is no test assembly.
        builder.UseContentRoot(RepositoryRoot.File("gateway", "Lockers.Gateway"));
        builder.UseEnvironment("Production");
        builder.UseSetting("Store:DataDirectory", dataDirectory);
        builder.UseSetting("Codes:Pepper", pepper);
        builder.UseSetting("LockerLink:Enabled", "false");
        builder.UseSetting("Expiry:Enabled", "false");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
    }
}
