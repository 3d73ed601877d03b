using Lockers.Gateway.Settings;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Webhooks;

public static class WebhooksSetup
{
    public static WebApplicationBuilder AddWebhooks(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<WebhooksOptions, WebhooksOptionsValidator>();
        builder.Services.AddSingleton<WebhookSignal>();
        builder.Services.AddSingleton<WebhookEnqueuer>();
        builder.Services.AddHttpClient(WebhookDispatcher.HttpClientName, (services, http) =>
                http.Timeout = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<WebhooksOptions>>().Value.TimeoutSeconds))
            // A webhook URL must not bounce the gateway somewhere else (internal services, metadata endpoints).
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false });
        builder.Services.AddSingleton<WebhookDispatcher>();
        builder.Services.AddHostedService(services => services.GetRequiredService<WebhookDispatcher>());
        return builder;
    }
}
