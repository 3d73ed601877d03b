using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Guard;

public static class GuardSetup
{
    public static WebApplicationBuilder AddUnlockGuard(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<GuardOptions, GuardOptionsValidator>();
        builder.Services.AddSingleton<UnlockGuard>();
        return builder;
    }
}
