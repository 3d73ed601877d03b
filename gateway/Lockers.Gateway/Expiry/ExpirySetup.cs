namespace Lockers.Gateway.Expiry;

public static class ExpirySetup
{
    public static WebApplicationBuilder AddExpiry(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ExpiryOptions>().BindConfiguration(ExpiryOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ExpiryService>();
        builder.Services.AddHostedService<ExpiryBackgroundService>();
        return builder;
    }
}
