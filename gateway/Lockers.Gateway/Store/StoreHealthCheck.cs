using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lockers.Gateway.Store;

/// <summary>
/// /health: unhealthy while the store refuses writes (<see cref="StoreAvailability"/>, which a read cannot see: a
/// read-only or full database still reads) or cannot be read at all.
/// </summary>
public sealed class StoreHealthCheck(ILockerStore store, StoreAvailability availability) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (availability.Outage is { } outage)
        {
            return HealthCheckResult.Unhealthy(
                $"store refuses writes since {outage.Since:yyyy-MM-ddTHH:mm:ssZ} ({outage.Failures} failures): {outage.Reason}; "
                + "the locker link holds messages and the REST API answers 503 until it is back");
        }

        try
        {
            await store.CheckHealthAsync(cancellationToken);
            return HealthCheckResult.Healthy("store reachable");
        }
        catch (Exception ex)
        {
            return HealthCheckResult.Unhealthy("store unreachable: " + ex.Message);
        }
    }
}
