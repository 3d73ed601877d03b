using Lockers.Mqtt.Client;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// Keeps the gateway connected to the broker and feeds every message from the lockers to
/// <see cref="LockerMessageHandler"/>, one at a time, so a locker's events are applied in the order it sent them.
/// The first connection is retried until it succeeds (the broker may start after the gateway); after that the
/// MQTT client reconnects and resubscribes by itself.
/// </summary>
/// <remarks>
/// Commit, then acknowledge: the client runs with manual acknowledgement, and a QoS 1 message gets its PUBACK
/// only after <see cref="LockerMessageHandler.HandleAsync"/> returned, so a gateway that dies mid-message leaves
/// it with the broker, which redelivers it on reconnect; the per-(locker, seq) check makes the redelivery harmless.
/// A message that could not be used at all (malformed, unknown locker, retries exhausted) is acknowledged too,
/// after it is logged and counted: redelivering it would fail the same way and hold back every later PUBACK.
/// </remarks>
public sealed class LockerLinkService(
    LockerLinkClient link, LockerMessageHandler handler, LinkCounters counters, IOptions<LockerLinkOptions> options,
    ILogger<LockerLinkService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        if (!settings.Enabled)
        {
            logger.LogInformation("Locker link disabled (LockerLink:Enabled is false): no broker connection");
            return;
        }

        await ConnectAndSubscribeAsync(settings, stoppingToken);
        logger.LogInformation("Locker link serving lockers/v1 from {Host}:{Port} as {ClientId}{Share}", settings.Host, settings.Port,
            settings.ClientId, string.IsNullOrEmpty(settings.SharedGroup) ? "" : $" in share group {settings.SharedGroup}");
        try
        {
            await foreach (var message in link.Client.Messages.ReadAllAsync(stoppingToken))
            {
                await handler.HandleAsync(message, stoppingToken);
                await link.Client.AcknowledgeAsync(message, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        logger.LogInformation("Locker link stopped: {Counters}", counters);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        if (link.State != MqttClientState.Disconnected)
        {
            await link.Client.DisconnectAsync();
        }
    }

    private async Task ConnectAndSubscribeAsync(LockerLinkOptions settings, CancellationToken stoppingToken)
    {
        var retry = TimeSpan.FromSeconds(settings.ConnectRetrySeconds);
        while (true)
        {
            try
            {
                await link.Client.ConnectAsync(stoppingToken);
                var result = await link.Client.SubscribeAsync(LockerLinkClient.Subscriptions(settings.SharedGroup), stoppingToken);
                result.EnsureGranted();
                link.Subscribed = true;
                return;
            }
            catch (Exception ex) when (ex is MqttConnectException or MqttClientNotConnectedException or MqttSubscribeException)
            {
                logger.LogError("Locker link cannot reach the broker at {Host}:{Port}: {Reason}; retrying in {Retry}",
                    settings.Host, settings.Port, ex.Message, retry);
                if (link.State != MqttClientState.Disconnected)
                {
                    await link.Client.DisconnectAsync();
                }

                // Real time on purpose: a frozen test clock must not stop the retries.
                await Task.Delay(retry, TimeProvider.System, stoppingToken);
            }
        }
    }
}
