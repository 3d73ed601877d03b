using System.Threading.RateLimiting;
using Lockers.Gateway.Settings;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Recipients;

public static class RecipientsSetup
{
    /// <summary>The parcel page: its options, renderer, server-side rendering of its component, and its rate limit per client address.</summary>
    public static WebApplicationBuilder AddRecipients(this WebApplicationBuilder builder)
    {
        builder.Services.AddGatewayOptions<RecipientsOptions, RecipientsOptionsValidator>();
        builder.Services.AddSingleton<RecipientPageRenderer>();
        builder.Services.AddRazorComponents();
        builder.Services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(RecipientPageApi.RateLimitPolicy, http =>
            {
                var perMinute = http.RequestServices.GetRequiredService<IOptions<RecipientsOptions>>().Value.RequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = perMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
            limiter.OnRejected = async (context, cancellationToken) =>
            {
                var renderer = context.HttpContext.RequestServices.GetRequiredService<RecipientPageRenderer>();
                context.HttpContext.Response.Headers.RetryAfter = "60";
                await renderer.TooMany(context.HttpContext).ExecuteAsync(context.HttpContext);
            };
        });
        return builder;
    }
}
