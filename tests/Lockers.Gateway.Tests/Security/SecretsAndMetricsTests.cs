using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Security;

/// <summary>
/// Issue 13, finding 9: dev-pepper and lockers.db were world-readable (0644), and /metrics answered anyone on the public
/// port. Now the gateway's secret files are 0600 in folders it makes 0700, and /metrics needs the scrape token there or
/// sits on a management port (ADR 0112).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class SecretsAndMetricsTests
{
    private const string Token = "scrape-token-for-the-test-0123456789abcdef";
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    [Fact]
    public async Task Finding9_PepperDatabaseWalAndShm_AreCreated0600_InAFolderCreated0700()
    {
        using var root = new TempDirectory();
        var data = Path.Combine(root.Path, "data");
        using var system = await KestrelGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Store:DataDirectory"] = data, ["Codes:Pepper"] = "", ["Codes:AllowDevPepper"] = "true",
        }, root);
        using var http = await system.ApiClientAsync();
        await http.BookAsync(); // writes, so the WAL and its shared memory file exist

        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(data));
        foreach (var file in new[] { "dev-pepper", "lockers.db", "lockers.db-wal", "lockers.db-shm" })
        {
            var path = Path.Combine(data, file);
            Assert.True(File.Exists(path), $"{file} was not made");
            Assert.Equal((file, OwnerOnly), (file, File.GetUnixFileMode(path)));
        }
    }

    [Fact]
    public async Task Finding9_ExistingWorldReadableFiles_AreNarrowedAtStart()
    {
        using var directory = new TempDirectory();
        var pepper = directory.File("dev-pepper");
        await File.WriteAllTextAsync(pepper, "an-old-dev-pepper-that-anyone-could-read-0123");
        File.SetUnixFileMode(pepper, OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        using (var first = await KestrelGateway.StartAsync(new Dictionary<string, string?> { ["Codes:Pepper"] = "", ["Codes:AllowDevPepper"] = "true" }, directory))
        {
        }
        File.SetUnixFileMode(directory.File("lockers.db"), OwnerOnly | UnixFileMode.GroupRead | UnixFileMode.OtherRead);

        using var again = await KestrelGateway.StartAsync(new Dictionary<string, string?> { ["Codes:Pepper"] = "", ["Codes:AllowDevPepper"] = "true" }, directory);

        Assert.Equal(OwnerOnly, File.GetUnixFileMode(pepper));
        Assert.Equal(OwnerOnly, File.GetUnixFileMode(directory.File("lockers.db")));
    }

    [Fact]
    public async Task ProvisionedLockerFiles_Are0600_InAFolderMade0700()
    {
        await using var system = await ShippedSystem.StartAsync();

        var provisioned = await system.ProvisionAsync("test-a");

        var folder = Path.GetDirectoryName(provisioned.ConfigPath)!;
        Assert.Equal(OwnerOnly | UnixFileMode.UserExecute, File.GetUnixFileMode(folder));
        Assert.All(Directory.GetFiles(folder), file => Assert.Equal((Path.GetFileName(file), OwnerOnly), (Path.GetFileName(file), File.GetUnixFileMode(file))));
    }

    [Fact]
    public async Task Finding9_MetricsOnThePublicPort_AreRefusedWithoutTheScrapeToken_ByDefault()
    {
        using var system = await KestrelGateway.StartAsync();
        using var http = system.Client();

        using var anonymous = await http.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal("application/problem+json", anonymous.Content.Headers.ContentType?.MediaType);
        Assert.DoesNotContain("lockers_", await anonymous.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Finding9_MetricsWithTheScrapeToken_AreServed_AndAWrongTokenIsNot()
    {
        using var system = await KestrelGateway.StartAsync(new Dictionary<string, string?> { ["Metrics:ScrapeToken"] = Token });
        using var http = system.Client();

        using var wrong = await http.SendAsync(Scrape("/metrics", Token[..^1] + "x"));
        using var right = await http.SendAsync(Scrape("/metrics", Token));

        Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("lockers_online", await right.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task MetricsOnTheManagementPort_NeedNoToken_WhileThePublicPortStillRefuses()
    {
        var port = FreePort();
        using var system = await KestrelGateway.StartAsync(new Dictionary<string, string?> { ["Metrics:ManagementPort"] = port.ToString() });
        using var management = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        using var http = system.Client();

        using var scraped = await management.GetAsync("/metrics");
        using var elsewhere = await management.GetAsync("/api/v1/reservations");

        Assert.Equal(HttpStatusCode.OK, scraped.StatusCode);
        Assert.Contains("lockers_online", await scraped.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode); // nothing but /metrics there
        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/metrics")).StatusCode);
    }

    private static HttpRequestMessage Scrape(string path, string token) => new(HttpMethod.Get, path)
    {
        Headers = { Authorization = new AuthenticationHeaderValue("Bearer", token) },
    };

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
