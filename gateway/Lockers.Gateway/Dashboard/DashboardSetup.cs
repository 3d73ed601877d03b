using OpenTelemetry.Metrics;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Staff;

namespace Lockers.Gateway.Dashboard;

public static class DashboardSetup
{
    /// <summary>The maintenance dashboard: staff sign-in and the services behind its actions. Call after AddMonitoring.</summary>
    public static WebApplicationBuilder AddDashboard(this WebApplicationBuilder builder)
    {
        builder.AddStaff();
        builder.Services.AddSingleton<RemoteOpenService>();
        builder.Services.AddSingleton<ServiceStateService>();
        builder.Services.AddSingleton<ParcelMoveService>();
        builder.Services.AddSingleton<UnlockHoldService>();
        return builder;
    }

    /// <summary>The dashboard's pages (static files under wwwroot/dashboard), its API, live events, and /metrics.</summary>
    public static WebApplication MapDashboard(this WebApplication app)
    {
        app.Use(AddSecurityHeaders);
        app.UseStaticFiles();
        app.MapGet("/dashboard", () => TypedResults.Redirect("/dashboard/index.html")).ExcludeFromDescription();
        app.MapStaffApi();
        app.MapDashboardApi();
        app.MapDashboardActionsApi();
        app.MapDashboardEventsApi();
        app.MapUnlockHoldsApi();
        // Built before mapping: listening starts when the provider is built, so nothing measured before the first scrape is lost.
        app.MapMetricsApi(app.Services.GetRequiredService<MeterProvider>());
        return app;
    }

    /// <summary>Pages load scripts and styles only from the gateway itself and cannot be framed (clickjacking).</summary>
    private static Task AddSecurityHeaders(HttpContext context, RequestDelegate next)
    {
        if (context.Request.Path.StartsWithSegments("/dashboard"))
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'; form-action 'self'";
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
        }
        return next(context);
    }
}
