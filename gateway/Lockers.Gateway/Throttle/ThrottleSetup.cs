namespace Lockers.Gateway.Throttle;

public static class ThrottleSetup
{
    public static WebApplicationBuilder AddThrottle(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ThrottleOptions>().BindConfiguration(ThrottleOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<KeypadThrottle>();
        return builder;
    }
}
