using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Codes;

public static class CodesSetup
{
    public static WebApplicationBuilder AddCodes(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<CodesOptions, CodesOptionsValidator>();
        builder.Services.AddSingleton<CodeSecrets>();
        builder.Services.AddSingleton<CodeHasher>();
        builder.Services.AddSingleton<SecretSealer>();
        builder.Services.AddSingleton<CodeIssuer>();
        return builder;
    }
}
