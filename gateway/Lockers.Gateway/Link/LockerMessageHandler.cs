using Lockers.Core.Protocol;
using Lockers.Gateway.Localization;
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
/// one bad locker must not stop the link for the others. A failure while applying is thrown to the caller, the link,
/// which runs every message inside a group commit: a store that cannot apply holds the messages (ADR 0208), anything
/// else is retried alone. What was applied then feeds locker health (<see cref="LockerHealthFeed"/>): online state,
/// telemetry, door states, alarms.
/// </summary>
public sealed class LockerMessageHandler(
    LockerDirectory directory, LockerEventApplier events, CommandResultRecorder results, AvailabilityService availability,
    LockerHealthFeed health, ILockerStore store, LinkCounters counters, IOptions<LockerLinkOptions> options,
    ILogger<LockerMessageHandler> logger)
{
    /// <summary>
    /// Handles one message inside the caller's open group commit (<see cref="ILockerStore.BeginGroup"/>). Counters, health,
    /// commands and acks wait for the group's commit, so a group redone counts and sends nothing twice; a failing store
    /// step throws, and the caller rolls the group back.
    /// </summary>
    public async Task<LinkOutcome?> HandleAsync(MqttApplicationMessage raw, CancellationToken cancellationToken)
    {
        var parsed = LockerMessageParser.Parse(raw.Topic, raw.Payload, options.Value.MaxPayloadBytes);
        if (parsed.Message is not { } message)
        {
            if (parsed is { Reason: LinkDropReason.InvalidText, LockerId: { } sender }
                && await directory.FindAsync(sender, cancellationToken) is not null)
            {
                // A registered locker sent text its firmware never would: a security alarm, not just a counter.
                await store.AfterCommitAsync(() => TellHealthAsync(sender, () =>
                    health.ClaimRefusedAsync(sender, AlarmDetails.English("AlarmDetail.MessageRefused", raw.Topic, parsed.Detail), cancellationToken)));
            }
            return await DropAsync(parsed.Reason, raw.Topic, parsed.Detail);
        }

        if (await directory.FindAsync(message.LockerId, cancellationToken) is not { } locker)
        {
            return await DropAsync(LinkDropReason.UnknownLocker, raw.Topic, $"locker '{message.LockerId}' is not registered");
        }

        var outcome = await RouteAsync(locker, message, raw.Payload, cancellationToken);
        if (outcome is LinkOutcome.Duplicate or LinkOutcome.Held or LinkOutcome.Conflict)
        {
            if (outcome == LinkOutcome.Duplicate)
            {
                await AfterCommitAsync(counters.CountDuplicate);
                logger.LogInformation("Duplicate {Topic} ignored (already applied)", raw.Topic);
            }

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

    private async Task<LinkOutcome> RouteAsync(Locker locker, LockerMessage message, ReadOnlyMemory<byte> payload, CancellationToken cancellationToken)
    {
        switch (message.Payload)
        {
            case LockerEvent e:
                return await events.ApplyAsync(locker, e, payload, cancellationToken);
            case StatusPayload status:
                var online = status.State == StatusStates.Online;
                var changed = await availability.SetLockerOnlineAsync(locker.Id, online, cancellationToken);
                if (online)
                {
                    // A locker that (re)connects may have rebooted or missed a push: it gets its whole offline code cache again.
                    await store.ExecuteAsync(tx => tx.CodeCaches.RequestPushAsync(locker.Id), cancellationToken);
                }

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
