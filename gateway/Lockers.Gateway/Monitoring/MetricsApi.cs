using OpenTelemetry.Metrics;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// GET /metrics in the Prometheus text format, served by OpenTelemetry's Prometheus exporter (ADR 0015). Unauthenticated,
/// like /health: bind it to an internal network.
/// </summary>
public static class MetricsApi
{
    public const string Path = "/metrics";

    /// <param name="app">The endpoints.</param>
    /// <param name="provider">The meter provider, built by the caller before mapping: listening starts when it is built,
    /// so nothing measured before the first scrape is lost.</param>
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app, MeterProvider provider)
    {
        app.MapPrometheusScrapingEndpoint(Path, provider, configureBranchedPipeline: branch => branch.UseMiddleware<ScrapeTimeRefresh>(), optionsName: null)
            .ExcludeFromDescription();
        return app;
    }
}
