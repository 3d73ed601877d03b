using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;

namespace Lockers.Gateway.Monitoring;

/// <summary>The gateway's instruments and their export on /metrics through OpenTelemetry (ADR 0015).</summary>
public static class MetricsSetup
{
    public static IServiceCollection AddGatewayMetrics(this IServiceCollection services)
    {
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<ScrapeTimeMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics =>
        {
            metrics.AddMeter(GatewayMetrics.MeterName);
            ((IDeferredMeterProviderBuilder)metrics).Configure((provider, builder) =>
                builder.AddView(OnlyThisGateway(provider.GetRequiredService<IMeterFactory>())));
            metrics.AddPrometheusExporter(prometheus =>
            {
                // Every scrape is fresh: tests and the benchmarks read a figure right after causing it.
                prometheus.ScrapeResponseCacheDurationMilliseconds = 0;
                // The page the gateway has always served: no otel_scope_* labels and no target_info family.
                prometheus.ScopeInfoEnabled = false;
                prometheus.TargetInfoEnabled = false;
            });
        });
        return services;
    }

    /// <summary>
    /// OpenTelemetry listens to meters by name, process-wide. Where one process hosts several gateways (the tests do),
    /// each must export only the instruments made by its own meter factory.
    /// </summary>
    private static Func<Instrument, MetricStreamConfiguration?> OnlyThisGateway(IMeterFactory ours) =>
        instrument => ReferenceEquals(instrument.Meter.Scope, ours) ? null : MetricStreamConfiguration.Drop;
}
