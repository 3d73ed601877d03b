using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Hosting;
using Lockers.Mqtt.Channel;
using Microsoft.Extensions.Logging;

namespace Lockers.Simulator.Locker;

/// <summary>
/// Tells the gateway, when it can, why a locker cannot run: with a sound device configuration but a refused board file,
/// the locker connects with its own credentials and publishes the retained status <c>{"state":"offline","fault":"..."}</c>
/// (docs/protocol.md, "status"), then disconnects. Nothing is driven: every door stays locked.
/// </summary>
public static class FaultReporter
{
    private static readonly TimeSpan ConnectTimeout = TimeSpan.FromSeconds(10);

    /// <summary>True when the broker took the status; false when it could not be reached in time (the caller retries later).</summary>
    public static async Task<bool> PublishAsync(DeviceConfig config, string? brokerHost, int brokerPort, string fault, ILogger? logger = null)
    {
        var status = StatusPayload.Faulted(fault).ToJson();
        var options = MqttClientLink.OptionsFor(
            brokerHost ?? config.Broker.Host, brokerPort > 0 ? brokerPort : config.Broker.Port, config.LockerId,
            config.Broker.Username, config.Broker.Password, Topics.Status(config.LockerId), status, TimeSpan.FromSeconds(config.HeartbeatS));
        if (config.Broker.Tls)
        {
            options.Tls = new MqttTlsOptions();
        }

        await using var link = new MqttClientLink(options, logger);
        link.Start();
        using var connected = new CancellationTokenSource(ConnectTimeout);
        try
        {
            while (!link.IsConnected)
            {
                await Task.Delay(50, connected.Token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }

        return await link.PublishAndWaitAsync(Topics.Status(config.LockerId), status, 1, retain: true, ConnectTimeout).ConfigureAwait(false);
    }
}
