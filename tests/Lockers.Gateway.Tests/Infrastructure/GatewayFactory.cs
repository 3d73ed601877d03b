using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Lockers.Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway over a real SQLite file in <paramref name="dataDirectory"/>, with a fake clock.
/// Two factories over the same directory are a gateway restart.
/// </summary>
public sealed class GatewayFactory(string dataDirectory, FakeTimeProvider time, IReadOnlyDictionary<string, string?>? settings = null)
    : WebApplicationFactory<Program>
{
    public const string TestPepper = "test-pepper-0123456789abcdefghijklmnopqrstuvwxyz";

    public FakeTimeProvider Time { get; } = time;

    public T Service<T>() where T : notnull => Services.GetRequiredService<T>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Store:DataDirectory", dataDirectory);
        builder.UseSetting("Codes:Pepper", TestPepper);
        builder.UseSetting("Expiry:Enabled", "false"); // tests run expiry scans themselves
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Time));
    }
}
