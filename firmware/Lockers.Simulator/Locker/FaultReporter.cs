using Lockers.Core.Config;
using Lockers.Core.Protocol;
using Lockers.Hosting;
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
    /// <param name="configDirectory">The device config's folder, where the TLS files it names lie.</param>
    public static async Task<bool> PublishAsync(
        DeviceConfig config, string? configDirectory, string? brokerHost, int brokerPort, string fault, ILogger? logger = null)
    {
        var status = StatusPayload.Faulted(fault).ToJson();
        var options = MqttClientLink.OptionsFor(
            brokerHost ?? config.Broker.Host, brokerPort > 0 ? brokerPort : config.Broker.Port, config.LockerId,
            config.Broker.Username, config.Broker.Password, Topics.Status(config.LockerId), status, TimeSpan.FromSeconds(config.HeartbeatS));
        try
        {
            options.Tls = DeviceTlsFiles.Load(config.Broker, configDirectory);
        }
        catch (Exception error) when (error is DeviceTlsFileException or InvalidOperationException)
        {
            logger?.LogWarning("cannot report the fault: {Error}", error.Message);
            return false;
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
