using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lockers.Gateway.Store;

public sealed class StoreHealthCheck(ILockerStore store) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
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
