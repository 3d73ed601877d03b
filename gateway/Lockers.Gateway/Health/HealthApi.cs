using System.Text.Json;
using Lockers.Gateway.Store;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lockers.Gateway.Health;

/// <summary>
/// /alive: the process answers (liveness, no dependencies). /health: it can do its job (readiness):
/// every check tagged "ready". The MQTT link adds its broker check with that tag (see README, "Health").
/// </summary>
public static class HealthApi
{
    public const string ReadyTag = "ready";
    public const string LiveTag = "live";

    public static WebApplicationBuilder AddGatewayHealth(this WebApplicationBuilder builder)
    {
        builder.Services.AddHealthChecks().AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        return builder;
    }

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = WriteJsonAsync });
        routes.MapHealthChecks("/alive", new HealthCheckOptions { Predicate = c => c.Tags.Contains(LiveTag), ResponseWriter = WriteJsonAsync });
        return routes;
    }

    private static Task WriteJsonAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new { status = e.Value.Status.ToString(), description = e.Value.Description }),
        }));
    }
}
