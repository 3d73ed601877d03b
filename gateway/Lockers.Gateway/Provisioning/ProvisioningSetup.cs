using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Provisioning;

public static class ProvisioningSetup
{
    /// <summary>`locker provision`: the broker files it writes and the provisioner (command keys come from the link).</summary>
    public static WebApplicationBuilder AddProvisioning(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<ProvisioningOptions, ProvisioningOptionsValidator>();
        builder.Services.AddSingleton<LockerProvisioner>();
        return builder;
    }
}
