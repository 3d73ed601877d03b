using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Expiry;

public static class ExpirySetup
{
    public static WebApplicationBuilder AddExpiry(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<ExpiryOptions, ExpiryOptionsValidator>();
        builder.Services.AddSingleton<ExpiryService>();
        builder.Services.AddHostedService<ExpiryBackgroundService>();
        return builder;
    }
}
