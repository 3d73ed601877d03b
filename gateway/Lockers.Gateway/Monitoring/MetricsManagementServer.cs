using System.Net;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// With Metrics:ManagementPort set, a second small HTTP server in the gateway's process that serves only /metrics, without a
/// token, on Metrics:ManagementAddress (ADR 0112). A separate server rather than a second listener of the main one: Kestrel
/// binds either the configured URLs or listeners set in code, never both, and the public port's URLs stay the operator's.
/// </summary>
public sealed class MetricsManagementServer(
    IOptions<MetricsOptions> options, MeterProvider provider, ScrapeTimeMetrics metrics, ILockerStore store, ILogger<MetricsManagementServer> logger)
    : IHostedService, IAsyncDisposable
{
    private WebApplication? _app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        if (o.ManagementPort == 0)
        {
            return;
        }
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], EnvironmentName = "Production" });
        var address = IPAddress.Parse(o.ManagementAddress);
        builder.WebHost.UseUrls($"http://{(address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6 ? $"[{address}]" : address)}:{o.ManagementPort}");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPrometheusScrapingEndpoint(MetricsApi.Path, provider, configureBranchedPipeline: branch => branch.Use(async (context, next) =>
        {
            await metrics.RefreshAsync(store, context.RequestAborted);
            await next(context);
        }), optionsName: null);
        await _app.StartAsync(cancellationToken);
        logger.LogInformation("/metrics served without a token on the management port {Address}:{Port}", o.ManagementAddress, o.ManagementPort);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is not null)
        {
            await _app.StopAsync(cancellationToken);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }
}
