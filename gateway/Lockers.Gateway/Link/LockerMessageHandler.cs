using Lockers.Core.Protocol;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Mqtt.Client;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// Handles one inbound MQTT message end to end: parse (<see cref="LockerMessageParser"/>), find the locker,
/// route by channel. Every message that cannot be used is logged with its reason and counted, never thrown:
/// one bad locker must not stop the link for the others. A failure while applying (the store busy or briefly
/// unreachable) is retried a few times before the message is given up: applying is idempotent per (locker, seq),
/// so a retry after a commit that did land changes nothing. What was applied then feeds locker health
/// (<see cref="LockerHealthFeed"/>): online state, telemetry, door states, alarms.
/// </summary>
public sealed class LockerMessageHandler(
    LockerDirectory directory, LockerEventApplier events, CommandResultRecorder results, AvailabilityService availability,
    LockerHealthFeed health, ILockerStore store, LinkCounters counters, IOptions<LockerLinkOptions> options,
    ILogger<LockerMessageHandler> logger)
{
    /// <summary>Waits before each retry of a failed apply; real time, so a frozen test clock cannot stall the link.</summary>
    private static readonly TimeSpan[] RetryDelays = [TimeSpan.FromMilliseconds(100), TimeSpan.FromMilliseconds(500), TimeSpan.FromSeconds(2)];

    /// <summary>Handles one message in its own units of work, retrying a failing store step; never throws.</summary>
    public Task<LinkOutcome?> HandleAsync(MqttApplicationMessage raw, CancellationToken cancellationToken) =>
        HandleAsync(raw, inGroup: false, cancellationToken);

    /// <summary>
    /// Handles one message inside the caller's open group commit (<see cref="ILockerStore.BeginGroup"/>). A failing
    /// store step is neither retried nor given up here: it throws, and the caller rolls the group back and handles
    /// its messages one at a time with <see cref="HandleAsync(MqttApplicationMessage, CancellationToken)"/>.
    /// Counters, health and commands wait for the group's commit, so a group redone counts nothing twice.
    /// </summary>
    public Task<LinkOutcome?> HandleInGroupAsync(MqttApplicationMessage raw, CancellationToken cancellationToken) =>
        HandleAsync(raw, inGroup: true, cancellationToken);

    private async Task<LinkOutcome?> HandleAsync(MqttApplicationMessage raw, bool inGroup, CancellationToken cancellationToken)
    {
        try
        {
            var parsed = LockerMessageParser.Parse(raw.Topic, raw.Payload, options.Value.MaxPayloadBytes);
            if (parsed.Message is not { } message)
            {
                if (parsed is { Reason: LinkDropReason.InvalidText, LockerId: { } sender }
                    && await WithRetriesAsync(() => directory.FindAsync(sender, cancellationToken), raw.Topic, inGroup, cancellationToken) is not null)
                {
                    // A registered locker sent text its firmware never would: a security alarm, not just a counter.
                    await store.AfterCommitAsync(() => TellHealthAsync(sender, () =>
                        health.ClaimRefusedAsync(sender, $"message on {raw.Topic} refused: {parsed.Detail}", cancellationToken)));
                }
                return await DropAsync(parsed.Reason, raw.Topic, parsed.Detail);
            }

            if (await WithRetriesAsync(() => directory.FindAsync(message.LockerId, cancellationToken), raw.Topic, inGroup, cancellationToken) is not { } locker)
            {
                return await DropAsync(LinkDropReason.UnknownLocker, raw.Topic, $"locker '{message.LockerId}' is not registered");
            }

            var outcome = await WithRetriesAsync(() => RouteAsync(locker, message, cancellationToken), raw.Topic, inGroup, cancellationToken);
            if (outcome == LinkOutcome.Duplicate)
            {
                await AfterCommitAsync(counters.CountDuplicate);
                logger.LogInformation("Duplicate {Topic} ignored (already applied)", raw.Topic);
                return outcome;
            }

            // Health is a view of what was applied: it waits for the commit (and so never runs inside a group
            // holding the store's write lock, where its own units would queue behind the group).
            await store.AfterCommitAsync(async () =>
            {
                counters.CountHandled();
                await FeedHealthAsync(locker.Id, message, cancellationToken);
            });
            return outcome;
        }
        catch (Exception ex) when (!inGroup && (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested))
        {
            counters.CountDropped(LinkDropReason.Failed);
            logger.LogError(ex, "Message on {Topic} could not be handled and is lost", raw.Topic);
            return null;
        }
    }

    /// <summary>Runs a store step (finding the locker, applying the message), retrying it after a failure outside a group.</summary>
    private async Task<T> WithRetriesAsync<T>(Func<Task<T>> step, string topic, bool inGroup, CancellationToken cancellationToken)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return await step();
            }
            catch (Exception ex) when (!inGroup && attempt < RetryDelays.Length && ex is not OperationCanceledException)
            {
                counters.CountRetry();
                logger.LogWarning("Applying {Topic} failed ({Error}); retry {Attempt} of {Retries} in {Delay}",
                    topic, ex.Message, attempt + 1, RetryDelays.Length, RetryDelays[attempt]);
                await Task.Delay(RetryDelays[attempt], TimeProvider.System, cancellationToken);
            }
        }
    }

    private Task AfterCommitAsync(Action count) => store.AfterCommitAsync(() =>
    {
        count();
        return Task.CompletedTask;
    });

    /// <summary>Health is a view of what was applied: its failure is logged and never undoes or loses the message.</summary>
    private Task FeedHealthAsync(string lockerId, LockerMessage message, CancellationToken cancellationToken) =>
        TellHealthAsync(lockerId, () => health.FeedAsync(lockerId, message.Payload, cancellationToken), message.Channel);

    private async Task TellHealthAsync(string lockerId, Func<Task> tell, string what = "a refused claim")
    {
        try
        {
            await tell();
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Locker health for {LockerId} not updated from {What}", lockerId, what);
        }
    }

    private async Task<LinkOutcome> RouteAsync(Locker locker, LockerMessage message, CancellationToken cancellationToken)
    {
        switch (message.Payload)
        {
            case LockerEvent e:
                return await events.ApplyAsync(locker, e, cancellationToken);
            case StatusPayload status:
                var changed = await availability.SetLockerOnlineAsync(locker.Id, status.State == StatusStates.Online, cancellationToken);
                logger.LogInformation("Locker {LockerId} is {State} (fw {Firmware}, boot {Boot})", locker.Id, status.State, status.Firmware, status.BootCount);
                return changed ? LinkOutcome.Applied : LinkOutcome.NoEffect;
            case CommandResultPayload answer:
                return await results.RecordAsync(locker, answer, cancellationToken);
            case TelemetryPayload telemetry:
                logger.LogDebug("Telemetry from {LockerId}: uptime {UptimeMs} ms, journal {Journal}, dropped {Dropped}",
                    locker.Id, telemetry.UptimeMs, telemetry.JournalDepth, telemetry.DroppedEvents);
                return LinkOutcome.NoEffect;
            default:
                throw new InvalidOperationException($"no route for {message.Payload.GetType().Name}");
        }
    }

    private async Task<LinkOutcome?> DropAsync(LinkDropReason reason, string topic, string detail)
    {
        await AfterCommitAsync(() => counters.CountDropped(reason));
        logger.LogWarning("Dropped message on {Topic}: {Reason}: {Detail}", topic, reason, detail);
        return null;
    }
}
