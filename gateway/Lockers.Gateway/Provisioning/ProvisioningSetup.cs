using Lockers.Gateway.Provisioning.Pki;
using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Provisioning;

public static class ProvisioningSetup
{
    /// <summary>
    /// `ca ...`, `locker provision` and `locker revoke`: the deployment CA's settings, the broker files they write, the
    /// provisioner and the revoker (command keys come from the link).
    /// </summary>
    public static WebApplicationBuilder AddProvisioning(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<ProvisioningOptions, ProvisioningOptionsValidator>();
        builder.Services.AddGatewayOptions<PkiOptions, PkiOptionsValidator>();
        builder.Services.AddSingleton<LockerProvisioner>();
        builder.Services.AddSingleton<LockerRevoker>();
        return builder;
    }
}
