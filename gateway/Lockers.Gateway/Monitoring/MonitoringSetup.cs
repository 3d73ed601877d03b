using Lockers.Gateway.Settings;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Monitoring;

public static class MonitoringSetup
{
    /// <summary>Health state, alarm rules and lifecycle, the alarm webhook and metrics. Call after AddStore.</summary>
    public static WebApplicationBuilder AddMonitoring(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddGatewayOptions<MonitoringOptions, MonitoringOptionsValidator>();
        services.AddGatewayOptions<MetricsOptions, MetricsOptionsValidator>();
        services.AddGatewayMetrics();
        services.AddHostedService<MetricsManagementServer>();
        services.AddSingleton<UnlockStopwatch>();
        services.AddSingleton<LiveFeed>();
        services.AddSingleton<LockerHealthState>();
        services.AddSingleton<StoredHolds>();
        services.AddSingleton(sp => new AlarmRules(sp.GetRequiredService<IOptions<MonitoringOptions>>().Value));
        services.AddSingleton<AlarmWebhookQueue>();
        services.AddSingleton<AlarmAnnouncer>();
        services.AddSingleton<AlarmLifecycle>();
        services.AddSingleton<LockerHealthService>();
        services.AddSingleton<ILockerHealthSink>(sp => sp.GetRequiredService<LockerHealthService>());
        services.AddSingleton<LockerHealthFeed>();
        services.AddHttpClient(AlarmWebhookSender.HttpClientName);
        services.AddHostedService<AlarmWebhookSender>();
        services.AddHostedService<HealthEvaluationService>();
        services.AddHostedService<StoreOutageAlarm>();
        TimeTheStore(services);
        return builder;
    }

    /// <summary>Wraps whichever store AddStore registered so every unit of work feeds the store-latency histogram.</summary>
    private static void TimeTheStore(IServiceCollection services)
    {
        var registered = services.LastOrDefault(d => d.ServiceType == typeof(ILockerStore))
            ?? throw new InvalidOperationException("AddMonitoring needs AddStore first.");
        services.Remove(registered);
        services.AddSingleton<ILockerStore>(sp => new TimedLockerStore(
            (ILockerStore)(registered.ImplementationInstance
                ?? registered.ImplementationFactory?.Invoke(sp)
                ?? ActivatorUtilities.CreateInstance(sp, registered.ImplementationType!)),
            sp.GetRequiredService<GatewayMetrics>(), sp.GetRequiredService<TimeProvider>()));
    }
}
