using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Throttle;

public static class ThrottleSetup
{
    public static WebApplicationBuilder AddThrottle(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<ThrottleOptions, ThrottleOptionsValidator>();
        builder.Services.AddSingleton<GuessingBudget>();
        return builder;
    }
}
