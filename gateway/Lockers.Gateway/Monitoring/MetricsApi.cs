using Lockers.Gateway.Store;
using OpenTelemetry.Metrics;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// GET /metrics in the Prometheus text format, served by OpenTelemetry's Prometheus exporter (ADR 0015). Unauthenticated,
/// like /health: bind it to an internal network.
/// </summary>
public static class MetricsApi
{
    public const string Path = "/metrics";

    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        // Listening starts when the provider is built: build it now, so nothing measured before the first scrape is lost.
        app.ServiceProvider.GetRequiredService<MeterProvider>();
        app.MapPrometheusScrapingEndpoint(Path, meterProvider: null, configureBranchedPipeline: ReadStoreFirst, optionsName: null)
            .ExcludeFromDescription();
        return app;
    }

    // The store's figures are read once per scrape, before the exporter collects.
    private static void ReadStoreFirst(IApplicationBuilder branch) => branch.Use(async (context, next) =>
    {
        var services = context.RequestServices;
        await services.GetRequiredService<ScrapeTimeMetrics>().RefreshAsync(services.GetRequiredService<ILockerStore>(), context.RequestAborted);
        await next(context);
    });
}
