using Lockers.Gateway.Store;
using Lockers.Mqtt.Client;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// Keeps the gateway connected to the broker and feeds every message from the lockers to
/// <see cref="LockerMessageHandler"/>, in arrival order, so a locker's events are applied in the order it sent them.
/// The first connection is retried until it succeeds (the broker may start after the gateway); after that the
/// MQTT client reconnects and resubscribes by itself.
/// </summary>
/// <remarks>
/// Commit, then acknowledge: the client runs with manual acknowledgement, and a QoS 1 message gets its PUBACK only after
/// it was applied and committed, so a gateway that dies mid-message leaves it with the broker, which redelivers it on
/// reconnect; the per-(locker, epoch, seq) claim makes the redelivery harmless. Events are then acknowledged end to end
/// (<see cref="LockerAcks"/>, ADR 0207): only that lets a locker delete them.
/// <para>Every round is one group commit (ADR 0202): the messages already waiting, up to LockerLink:MaxGroupSize, are
/// applied in one store transaction and committed once; only then are their commands published, their health fed, their
/// acks sent and their PUBACKs given, in arrival order.</para>
/// <para>Never acknowledge what was not applied (ADR 0208): when the store cannot take the round (read-only, full,
/// unreachable, locked), nothing of it is written and nothing is acknowledged; the link tries the same round again after
/// 0.1 s, 0.2 s, 0.5 s, 1 s, 2 s and then every LockerLink:StoreRetryMaxSeconds, taking no new message meanwhile, so the
/// broker holds them (the gateway's persistent session). /health and the store_unavailable alarm say so meanwhile. A
/// round that fails for any other reason is applied again one message at a time: only the message that fails alone is
/// given up (counted Failed, PUBACKed so it cannot hold up the rest), and as it was never acknowledged end to end, its
/// locker still has it.</para>
/// </remarks>
public sealed class LockerLinkService(
    LockerLinkClient link, LockerMessageHandler handler, LockerAcks acks, ILockerStore store, LinkCounters counters,
    IOptions<LockerLinkOptions> options, ILogger<LockerLinkService> logger) : BackgroundService
{
    // Tests only (LockerLink:CrashPoint): where to kill the process. Null in every real configuration.
    private readonly LinkCrashPoint? _crash = LinkCrashPoint.Parse(options.Value.CrashPoint);

    private static readonly TimeSpan[] StoreRetryDelays =
        [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(200), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)];

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

    /// <summary>Returns once every message was applied, or, failing alone for a reason of its own, given up (and counted).</summary>
    private async Task ApplyAsync(List<MqttApplicationMessage> waiting, CancellationToken stoppingToken)
    {
        if (await TryApplyAsGroupAsync(waiting, stoppingToken))
        {
            return;
        }

        counters.CountGroupRedone();
        foreach (var message in waiting)
        {
            if (!await TryApplyAsGroupAsync([message], stoppingToken))
            {
                counters.CountDropped(LinkDropReason.Failed);
            }
        }
    }

    /// <summary>
    /// Applies the messages in one group commit, trying again while the store is unavailable (the messages wait; none is
    /// acknowledged). False when the group failed for another reason and was rolled back.
    /// </summary>
    private async Task<bool> TryApplyAsGroupAsync(IReadOnlyList<MqttApplicationMessage> messages, CancellationToken stoppingToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            var group = store.BeginGroup();
            var crash = _crash is { } point && point.Matches(messages) ? point : null;
            try
            {
                if (crash?.Moment == LinkCrashMoment.AfterCommit)
                {
                    // The first action after the commit, ahead of every publish the round queues.
                    await store.AfterCommitAsync(() =>
                    {
                        crash.Crash(logger);
                        return Task.CompletedTask;
                    });
                }

                foreach (var message in messages)
                {
                    await handler.HandleAsync(message, stoppingToken);
                }

                if (crash?.Moment == LinkCrashMoment.BeforeCommit)
                {
                    crash.Crash(logger);
                }

                await group.CommitAsync(stoppingToken);
            }
            catch (AfterCommitActionsFailedException ex)
            {
                // Committed: only an action after it threw (they log their own failures, so this is a bug's trace).
                logger.LogError(ex, "After a group commit of {Count} messages, {Failures} actions failed", messages.Count, ex.InnerExceptions.Count);
            }
            catch (Exception ex) when (store.IsUnavailable(ex) && !stoppingToken.IsCancellationRequested)
            {
                await group.DisposeAsync(); // rolled back now, not after the wait: the transaction must not sit open

                var wait = attempt < StoreRetryDelays.Length
                    ? StoreRetryDelays[attempt]
                    : TimeSpan.FromSeconds(options.Value.StoreRetryMaxSeconds);
                counters.CountRetry();
                logger.Log(attempt == 0 ? LogLevel.Error : LogLevel.Warning,
                    "The store cannot apply {Count} messages ({Error}); nothing is acknowledged, the broker keeps them; trying again in {Wait}",
                    messages.Count, ex.GetBaseException().Message, wait);
                // Real time on purpose: a frozen test clock must not stop the retries.
                await Task.Delay(wait, TimeProvider.System, stoppingToken);
                continue;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                if (messages.Count > 1)
                {
                    logger.LogWarning("Group of {Count} messages rolled back ({Error}); applying them one at a time", messages.Count, ex.Message);
                }
                else
                {
                    logger.LogError(ex, "Message on {Topic} could not be applied and is given up here; not acknowledged end to end, "
                        + "so a locker still holds the event", messages[0].Topic);
                }

                return false;
            }
            finally
            {
                await group.DisposeAsync();
            }

            if (messages.Count > 1)
            {
                counters.CountGroup(messages.Count);
            }

            acks.SendOwed(stoppingToken);
            if (crash?.Moment == LinkCrashMoment.AfterPublish)
            {
                await WaitForPublishesAsync(stoppingToken);
                crash.Crash(logger);
            }

            return true;
        }
    }

    /// <summary>Crash point after-publish: waits (up to 10 s) until the client has no publish queued or unacknowledged.</summary>
    private async Task WaitForPublishesAsync(CancellationToken stoppingToken)
    {
        var client = link.Client;
        for (var waited = 0; waited < 1000 && (client.QueuedPublishCount > 0 || client.InflightPublishCount > 0); waited++)
        {
            await Task.Delay(10, stoppingToken);
        }
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
