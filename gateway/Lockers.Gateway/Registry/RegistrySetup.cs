namespace Lockers.Gateway.Registry;

public static class RegistrySetup
{
    public static WebApplicationBuilder AddRegistry(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<RegistryService>();
        return builder;
    }
}
