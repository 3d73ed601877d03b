using OpenTelemetry.Metrics;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// GET /metrics in the Prometheus text format, served by OpenTelemetry's Prometheus exporter (ADR 0015). On the public port
/// only with the scrape token (<see cref="MetricsAccess"/>, ADR 0112); without one on the management port, if configured.
/// </summary>
public static class MetricsApi
{
    public const string Path = "/metrics";

    /// <param name="app">The endpoints.</param>
    /// <param name="provider">The meter provider, built by the caller before mapping: listening starts when it is built,
    /// so nothing measured before the first scrape is lost.</param>
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app, MeterProvider provider)
    {
        app.MapPrometheusScrapingEndpoint(Path, provider, configureBranchedPipeline: branch => branch.UseMiddleware<MetricsAccess>().UseMiddleware<ScrapeTimeRefresh>(), optionsName: null)
            .ExcludeFromDescription();
        return app;
    }
}
