using Lockers.Core.Board;
using System.Net.Http.Headers;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Provisioning.Pki;
using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Tests.Infrastructure;

/// <summary>
/// One gateway per test over its own temp directory, with a demo site imported and helpers to make clients.
/// Site "test-site": locker "test-a" with compartments 1:S, 2:S(accessible), 3:M, 4:L; locker "test-b" with 1:XL.
/// </summary>
public sealed class GatewayFixture : IDisposable
{
    public const string SiteId = "test-site";

    private readonly TempDirectory _directory;
    private readonly bool _ownsDirectory;

    public GatewayFixture(IReadOnlyDictionary<string, string?>? settings = null, TempDirectory? directory = null, FakeTimeProvider? time = null)
    {
        _ownsDirectory = directory is null;
        _directory = directory ?? new TempDirectory();
        var withCa = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>());
        if (!withCa.ContainsKey("Pki:Directory"))
        {
            // Provisioning needs the deployment CA; one per gateway directory, kept across a restart over the same directory.
            withCa["Pki:Directory"] = _directory.File("pki");
            if (!DeploymentCa.ExistsIn(_directory.File("pki")))
            {
                DeploymentCa.CreateAsync(_directory.File("pki"), "Lockers test deployment CA", DateTimeOffset.UtcNow, 1).GetAwaiter().GetResult().Dispose();
            }
        }

        Factory = new GatewayFactory(_directory.Path, time ?? new FakeTimeProvider(), withCa);
    }

    /// <summary>The deployment CA's folder (Pki:Directory) of this gateway.</summary>
    public string PkiDirectory => Factory.Service<Microsoft.Extensions.Options.IOptions<PkiOptions>>().Value.Directory!;

    public GatewayFactory Factory { get; }
    public FakeTimeProvider Time => Factory.Time;
    public string DataDirectory => _directory.Path;
    public string DatabasePath => _directory.File("lockers.db");

    public static SiteDefinition TestSite => new(
        new Site(SiteId, "Test site"),
        [new Locker("test-a", SiteId, "Cabinet A"), new Locker("test-b", SiteId, "Cabinet B")],
        [
            new Compartment("test-a", 1, CompartmentSize.S, 0, 0, Accessible: false),
            new Compartment("test-a", 2, CompartmentSize.S, 0, 1, Accessible: true),
            new Compartment("test-a", 3, CompartmentSize.M, 1, 0, Accessible: false),
            new Compartment("test-a", 4, CompartmentSize.L, 1, 1, Accessible: false),
            new Compartment("test-b", 1, CompartmentSize.XL, 0, 0, Accessible: false),
        ]);

    public async Task ImportTestSiteAsync() => await Factory.Service<RegistryService>().ImportAsync(TestSite, "test");

    public async Task<CreatedApiKey> CreateKeyAsync(string client = "acme", string? webhookUrl = null) =>
        await Factory.Service<ApiClientService>().CreateKeyAsync(client, webhookUrl);

    /// <summary>An HTTP client authenticated as a new API client.</summary>
    public async Task<HttpClient> CreateApiClientAsync(string client = "acme", string? webhookUrl = null)
    {
        return HttpFor(await CreateKeyAsync(client, webhookUrl));
    }

    public HttpClient HttpFor(CreatedApiKey key)
    {
        var http = Factory.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.ApiKey);
        return http;
    }

    public void Dispose()
    {
        Factory.Dispose();
        if (_ownsDirectory)
        {
            _directory.Dispose();
        }
    }
}
