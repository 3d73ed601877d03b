using Lockers.Gateway.Store;

namespace Lockers.Gateway.Monitoring;

/// <summary>Reads the store's figures once per scrape, before the exporter collects (an instrument's callback cannot await).</summary>
public sealed class ScrapeTimeRefresh(RequestDelegate next, ScrapeTimeMetrics metrics, ILockerStore store)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await metrics.RefreshAsync(store, context.RequestAborted);
        await next(context);
    }
}
