using Lockers.Gateway.Store;
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
/// <para>Group commit (ADR 0202): when several messages are already waiting, up to LockerLink:MaxGroupSize of them
/// are applied in one store transaction and committed once; only then are their commands published, their health
/// fed and their PUBACKs sent, in arrival order. A failing message breaks the group: it is rolled back whole and its
/// messages are applied again one at a time (with retries), which is safe because nothing of it was written.</para>
/// </remarks>
public sealed class LockerLinkService(
    LockerLinkClient link, LockerMessageHandler handler, ILockerStore store, LinkCounters counters, IOptions<LockerLinkOptions> options,
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
        var waiting = new List<MqttApplicationMessage>(settings.MaxGroupSize);
        var messages = link.Client.Messages;
        try
        {
            while (await messages.WaitToReadAsync(stoppingToken))
            {
                // Whatever is already there, never waiting for more: a lone message goes through at once.
                waiting.Clear();
                while (waiting.Count < settings.MaxGroupSize && messages.TryRead(out var message))
                {
                    counters.CountReceived();
                    waiting.Add(message);
                }

                await ApplyAsync(waiting, stoppingToken);
                foreach (var message in waiting)
                {
                    await link.Client.AcknowledgeAsync(message, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }

        logger.LogInformation("Locker link stopped: {Counters}", counters);
    }

    private async Task ApplyAsync(List<MqttApplicationMessage> waiting, CancellationToken stoppingToken)
    {
        if (waiting.Count > 1 && await TryApplyAsGroupAsync(waiting, stoppingToken))
        {
            return;
        }

        foreach (var message in waiting)
        {
            await handler.HandleAsync(message, stoppingToken);
        }
    }

    /// <returns>False when the group was rolled back and its messages still need applying.</returns>
    private async Task<bool> TryApplyAsGroupAsync(List<MqttApplicationMessage> waiting, CancellationToken stoppingToken)
    {
        await using var group = store.BeginGroup();
        try
        {
            foreach (var message in waiting)
            {
                await handler.HandleInGroupAsync(message, stoppingToken);
            }

            await group.CommitAsync(stoppingToken);
        }
        catch (AfterCommitActionsFailedException ex)
        {
            // Committed: only an action after it threw (they log their own failures, so this is a bug's trace).
            logger.LogError(ex, "After a group commit of {Count} messages, {Failures} actions failed", waiting.Count, ex.InnerExceptions.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
        {
            counters.CountGroupRedone();
            logger.LogWarning("Group of {Count} messages rolled back ({Error}); applying them one at a time", waiting.Count, ex.Message);
            return false;
        }

        counters.CountGroup(waiting.Count);
        return true;
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
