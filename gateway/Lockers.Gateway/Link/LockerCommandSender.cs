using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// Signs and sends commands (<see cref="ILockerCommandSender"/>): in one unit of work it takes the locker's next counter,
/// signs with the locker's own key (HMAC-SHA256, <see cref="CommandSigner"/>), records the command and audits it; it
/// publishes only after that commit.
/// </summary>
public sealed class LockerCommandSender(
    ILockerStore store, CommandKeys keys, ILockerCommandPublisher publisher, LinkCounters counters, UnlockStopwatch unlocks,
    IOptions<LockerLinkOptions> options, TimeProvider time, ILogger<LockerCommandSender> logger) : ILockerCommandSender
{
    /// <summary>How long to wait for the broker's PUBACK before moving on (the command stays queued in the client).</summary>
    private static readonly TimeSpan PublishTimeout = TimeSpan.FromSeconds(10);

    public async Task<CommandSendResult> SendAsync(
        LockerCommandRequest request, string actor, string? reservationId = null, CancellationToken cancellationToken = default)
    {
        SignedCommand? signed;
        try
        {
            signed = await store.ExecuteAsync(tx => SignAndRecordAsync(tx, request, actor, reservationId), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not even recorded (the store failed): nothing left the gateway.
            logger.LogWarning(ex, "{Action} for locker {LockerId} could not be recorded", request.Action, request.LockerId);
            return new CommandSendResult(CommandSendStatus.Unavailable, Reason: "the command could not be recorded");
        }

        if (signed is null)
        {
            return new CommandSendResult(CommandSendStatus.Unavailable, Reason: "the locker has no command key (provision it first)");
        }

        return await PublishAsync(signed, cancellationToken)
            ? new CommandSendResult(CommandSendStatus.Sent, signed.CommandId)
            : new CommandSendResult(CommandSendStatus.Unavailable, signed.CommandId, "the broker cannot be reached");
    }

    /// <summary>
    /// Publishes a command signed and recorded by <see cref="SignAndRecordAsync"/>, once that unit of work committed.
    /// Failures are logged, never thrown: the command is on record, and the person at the locker tries again.
    /// </summary>
    /// <returns>True when the broker acknowledged the command; false when it did not (within the timeout, or at all).</returns>
    private async Task<bool> PublishAsync(SignedCommand signed, CancellationToken cancellationToken)
    {
        if (signed.Action == CommandActions.Unlock)
        {
            // Unlock round trip (the metrics histogram): from here to the locker's door-opened event.
            unlocks.Started(signed.LockerId, signed.Compartment, time.GetStoreNow());
        }

        try
        {
            await publisher.PublishCommandAsync(signed.LockerId, signed.ToJson(), cancellationToken).WaitAsync(PublishTimeout, cancellationToken);
            counters.CountCommandSent();
            return true;
        }
        catch (TimeoutException)
        {
            // Still queued in the client: it goes out after a reconnect, and the locker refuses it once expired.
            logger.LogWarning("Command {CommandId} for locker {LockerId} not acknowledged by the broker within {Timeout}",
                signed.CommandId, signed.LockerId, PublishTimeout);
            return false;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // Recorded but not sent (client stopped, queue full): the person at the locker tries again; the sweep marks it failed.
            if (cancellationToken.IsCancellationRequested)
            {
                // The gateway is stopping: a cache push or an answer still on its way is expected to go unsent.
                logger.LogInformation("Command {CommandId} for locker {LockerId} not handed to the broker: the gateway is stopping",
                    signed.CommandId, signed.LockerId);
            }
            else
            {
                logger.LogError(ex, "Command {CommandId} for locker {LockerId} could not be handed to the broker", signed.CommandId, signed.LockerId);
            }

            return false;
        }
    }

    /// <remarks>The broker's PUBACK is logged and counted by <see cref="PublishAsync"/> when it comes.</remarks>
    public void StartPublish(SignedCommand signed, CancellationToken cancellationToken)
    {
        // PublishAsync logs every failure itself; only a cancellation at shutdown can end it faulted.
        _ = PublishAsync(signed, cancellationToken).ContinueWith(static publish => _ = publish.Exception,
            CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    public async Task<SignedCommand?> SignAndRecordAsync(IStoreTransaction tx, LockerCommandRequest request, string actor, string? reservationId)
    {
        var credentials = await tx.LockerLink.GetCredentialsAsync(request.LockerId);
        if (credentials is null || await tx.LockerLink.NextCommandCounterAsync(request.LockerId) is not { } counter)
        {
            logger.LogError("Cannot send {Action} to locker {LockerId}: it has no command key (provision it: locker provision)",
                request.Action, request.LockerId);
            return null;
        }

        var now = time.GetStoreNow();
        var expires = ExpiryOf(request, now);
        var command = new SignedCommand
        {
            LockerId = request.LockerId,
            CommandId = "c-" + counter,
            Counter = counter,
            ExpiresAt = expires.ToUnixTimeSeconds(),
            Action = request.Action,
            Compartment = request.Compartment,
            On = request.On,
            Reader = request.Reader,
            RetryAfterS = request.RetryAfterS,
            Text = request.Text,
            Entry = request.Entry,
            Version = request.Version,
            Part = request.Part,
            Parts = request.Parts,
            Codes = request.Codes,
        };
        var key = keys.Unseal(request.LockerId, credentials.SealedCommandKey);
        try
        {
            new CommandSigner(key).Sign(command);
        }
        finally
        {
            System.Security.Cryptography.CryptographicOperations.ZeroMemory(key);
        }

        await tx.LockerLink.InsertCommandAsync(new LockerCommandRecord(request.LockerId, command.CommandId, counter, request.Action,
            request.Compartment, request.Reader, now, expires) { RequestedBy = actor, ReplyTo = request.ReplyTo });
        await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.CommandSent, null, request.LockerId,
            request.Compartment == 0 ? null : request.Compartment, reservationId, Describe(command)));
        return command;
    }

    /// <summary>
    /// The last valid second: short for an unlock (LockerLink:UnlockExpirySeconds), a little longer for the rest
    /// (CommandExpirySeconds), and never past the answer window of the code entry the command answers. The locker accepts a
    /// command until the end of its last valid second, so under a cap that second is the last one ending by the cap.
    /// </summary>
    private DateTimeOffset ExpiryOf(LockerCommandRequest request, DateTimeOffset now)
    {
        var lifetime = request.Action == CommandActions.Unlock ? options.Value.UnlockExpirySeconds : options.Value.CommandExpirySeconds;
        var last = now.AddSeconds(lifetime).ToUnixTimeSeconds();
        if (request.NotAfter is { } cap)
        {
            last = Math.Min(last, cap.ToUnixTimeSeconds() - 1);
        }

        return DateTimeOffset.FromUnixTimeSeconds(last);
    }

    private static string Describe(SignedCommand c) => c.Action switch
    {
        CommandActions.Deny => $"id={c.CommandId} action=deny reader={c.Reader} retry_after_s={c.RetryAfterS}" + EntryText(c),
        CommandActions.SyncCodes => $"id={c.CommandId} action=sync_codes version={c.Version} part={c.Part}/{c.Parts}",
        CommandActions.ShowMessage => $"id={c.CommandId} action=show_message reader={c.Reader} text={c.Text}" + EntryText(c),
        // The text last: the audit's wording takes everything after "text=".
        CommandActions.ShowMessageKey => $"id={c.CommandId} action=show_message_key reader={c.Reader}"
            + (c.RetryAfterS > 0 ? $" rest_s={c.RetryAfterS}" : "") + EntryText(c) + $" text={c.Text}",
        CommandActions.Unlock when c.On => $"id={c.CommandId} action=unlock compartment={c.Compartment} staff_override=true" + EntryText(c),
        _ => $"id={c.CommandId} action={c.Action} compartment={c.Compartment}" + EntryText(c),
    };

    private static string EntryText(SignedCommand c) => c.Entry == 0 ? "" : $" entry={c.Entry}";
}
