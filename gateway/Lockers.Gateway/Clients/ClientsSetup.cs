using Lockers.Gateway.Settings;
using Microsoft.AspNetCore.Authentication;

namespace Lockers.Gateway.Clients;

public static class ClientsSetup
{
    public static WebApplicationBuilder AddApiClients(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiClientService>();
        builder.Services.AddGatewayOptions<RecipientPolicyOptions, RecipientPolicyOptionsValidator>();
        builder.Services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        builder.Services.AddAuthorization();
        return builder;
    }
}
