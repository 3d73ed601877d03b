using Lockers.Gateway.Health;
using Lockers.Gateway.Provisioning;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

public static class LockerLinkSetup
{
    /// <summary>The locker link (idle unless LockerLink:Enabled), its command signing, and its broker check in /health.</summary>
    public static WebApplicationBuilder AddLockerLink(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<LockerLinkOptions>().BindConfiguration(LockerLinkOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<LockerLinkOptions>, LockerLinkOptionsValidator>();
        builder.Services.AddMetrics();
        builder.Services.AddSingleton<LinkCounters>();
        builder.Services.AddSingleton<CommandKeys>();
        builder.Services.AddSingleton<LockerDirectory>();
        builder.Services.AddSingleton<LockerLinkClient>();
        builder.Services.AddSingleton<ILockerCommandPublisher>(sp => sp.GetRequiredService<LockerLinkClient>());
        builder.Services.AddSingleton<LockerCommandSender>();
        builder.Services.AddSingleton<CodeEntryHandler>();
        builder.Services.AddSingleton<LockerEventApplier>();
        builder.Services.AddSingleton<CommandResultRecorder>();
        builder.Services.AddSingleton<LockerMessageHandler>();
        // Provisioning makes what the link uses (command keys, broker credentials), so it is set up with it.
        builder.Services.AddOptions<ProvisioningOptions>().BindConfiguration(ProvisioningOptions.Section);
        builder.Services.AddOptions<Provisioning.Pki.PkiOptions>().BindConfiguration(Provisioning.Pki.PkiOptions.Section).ValidateDataAnnotations();
        builder.Services.AddSingleton<LockerProvisioner>();
        builder.Services.AddSingleton<LockerRevoker>();
        // Registered always and idle when disabled: the Enabled flag is read at start, after every configuration source.
        builder.Services.AddHostedService<LockerLinkService>();
        builder.Services.AddHealthChecks().AddCheck<BrokerHealthCheck>("broker", tags: [HealthApi.ReadyTag]);

        return builder;
    }
}
