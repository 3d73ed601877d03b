using System.Net;
using System.Net.Http.Headers;
using Lockers.Gateway.Clients;
using Lockers.Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Lockers.Gateway.Tests.Security;

/// <summary>
/// The gateway served by real Kestrel on a free loopback port (plain HTTP, as behind a TLS-terminating proxy), over its own
/// temp directory with the test site imported: what an attacker on the network talks to. Clients keep no cookies unless a
/// test sets them, so a cookie can be copied from one to another as a thief would.
/// </summary>
public sealed class KestrelGateway : IDisposable
{
    private KestrelGateway(GatewayFixture gateway, Uri baseAddress)
    {
        Gateway = gateway;
        BaseAddress = baseAddress;
    }

    public GatewayFixture Gateway { get; }
    public Uri BaseAddress { get; }

    public static async Task<KestrelGateway> StartAsync(IReadOnlyDictionary<string, string?>? settings = null, TempDirectory? directory = null)
    {
        var gateway = new GatewayFixture(settings, directory);
        gateway.Factory.UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
        gateway.Factory.StartServer();
        var address = gateway.Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        await gateway.ImportTestSiteAsync();
        return new KestrelGateway(gateway, new Uri(address));
    }

    public T Service<T>() where T : notnull => Gateway.Factory.Service<T>();

    /// <summary>A plain HTTP client for this gateway: no cookie jar, no redirects followed.</summary>
    public HttpClient Client() => new(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = BaseAddress };

    /// <summary>A client with a new API key of a new client.</summary>
    public async Task<HttpClient> ApiClientAsync()
    {
        var key = await Service<ApiClientService>().CreateKeyAsync("acme", null);
        var http = Client();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key.ApiKey);
        return http;
    }

    public void Dispose() => Gateway.Dispose();
}
