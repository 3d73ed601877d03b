using Lockers.Gateway.Health;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Link;

public static class LockerLinkSetup
{
    /// <summary>The locker link (idle unless LockerLink:Enabled), its command sender, and its broker check in /health.</summary>
    public static WebApplicationBuilder AddLockerLink(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<LockerLinkOptions, LockerLinkOptionsValidator>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<LinkCounters>();
        builder.Services.AddSingleton<ILinkTraffic>(sp => sp.GetRequiredService<LinkCounters>());
        builder.Services.AddSingleton<CommandKeys>();
        builder.Services.AddSingleton<LockerDirectory>();
        builder.Services.AddSingleton<LockerLinkClient>();
        builder.Services.AddSingleton<ILockerCommandPublisher>(sp => sp.GetRequiredService<LockerLinkClient>());
        builder.Services.AddSingleton<ILockerCommandSender, LockerCommandSender>();
        builder.Services.AddSingleton<RoundStepCommands>();
        builder.Services.AddSingleton<CodeEntryHandler>();
        builder.Services.AddSingleton<EventSequencer>();
        builder.Services.AddSingleton<LockerAcks>();
        builder.Services.AddSingleton<OfflineCodeHandler>();
        builder.Services.AddSingleton<LockerEventApplier>();
        builder.Services.AddSingleton<CommandResultRecorder>();
        builder.Services.AddSingleton<LockerMessageHandler>();
        // Registered always and idle when disabled: the Enabled flag is read at start, after every configuration source.
        builder.Services.AddHostedService<LockerLinkService>();
        builder.Services.AddGatewayOptions<OfflineCodesOptions, OfflineCodesOptionsValidator>();
        builder.Services.AddSingleton<CodeCachePusher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CodeCachePusher>());
        builder.Services.AddSingleton<CommandExpiryService>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CommandExpiryService>());
        builder.Services.AddHealthChecks().AddCheck<BrokerHealthCheck>("broker", tags: [HealthApi.ReadyTag]);

        return builder;
    }
}
