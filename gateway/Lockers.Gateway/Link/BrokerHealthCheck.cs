using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// /health: when the link is enabled, ready only while it is connected with its subscriptions in place.
/// The description carries the link's counters.
/// </summary>
public sealed class BrokerHealthCheck(LockerLinkClient link, LinkCounters counters, IOptions<LockerLinkOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!options.Value.Enabled)
        {
            return Task.FromResult(HealthCheckResult.Healthy("locker link disabled"));
        }

        return Task.FromResult(link.IsServing
            ? HealthCheckResult.Healthy($"connected; {counters}")
            : HealthCheckResult.Unhealthy($"broker {link.State}{(link.Subscribed ? "" : ", not subscribed")}; {counters}"));
    }
}
