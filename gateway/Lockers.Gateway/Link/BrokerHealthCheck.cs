using Lockers.Mqtt.Client;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>/health: when the link is enabled, ready only while the locker link is connected to the broker; the description carries the link's counters.</summary>
public sealed class BrokerHealthCheck(LockerLinkClient link, LinkCounters counters, IOptions<LockerLinkOptions> options) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(!options.Value.Enabled ? HealthCheckResult.Healthy("locker link disabled")
            : link.State == MqttClientState.Connected
            ? HealthCheckResult.Healthy($"connected; {counters}")
            : HealthCheckResult.Unhealthy($"broker {link.State}; {counters}"));
}
