using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Link;

/// <summary>
/// Stores a locker's answer to a command next to the command and audits it. When the command named a reader to tell
/// (<see cref="CommandReply"/>: a code typed at another controller of the site), that reader is told now, from what the
/// locker confirmed: "Go to ..." when the door opened, what to do when it did not. The answer also goes to the
/// dashboard's live feed, so a page shows how the action it took ended. A refusal's alarm comes from the locker's
/// command_refused event, through locker health (Monitoring/LockerHealthFeed).
/// </summary>
public sealed class CommandResultRecorder(
    ILockerStore store, ILockerCommandSender sender, LiveFeed live, TimeProvider time, ILogger<CommandResultRecorder> logger)
{
    public async Task<LinkOutcome> RecordAsync(Locker locker, CommandResultPayload answer, CancellationToken cancellationToken)
    {
        var reason = answer.Reason.Length == 0 ? null : answer.Reason;
        var (command, reply, at) = await store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            var known = await tx.LockerLink.RecordCommandResultAsync(locker.Id, answer.CommandId, answer.Result, reason, now);
            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{locker.Id}", AuditActions.CommandResult, locker.SiteId, locker.Id,
                Detail: $"id={answer.CommandId} result={answer.Result}" + (reason is not null ? $" reason={reason}" : "")
                    + (known ? "" : " (no such command waiting for an answer)")));
            var command = known ? await tx.LockerLink.GetCommandAsync(locker.Id, answer.CommandId) : null;
            SignedCommand? reply = null;
            // A reply names the code entry it answers and never outlives its window: past it, the person has gone.
            if (command is { Action: CommandActions.Unlock, ReplyTo: { } to } && !(to.NotAfter is { } end && now >= end))
            {
                var text = ReaderMessages.DoorElsewhereAnswered(locker, command.Compartment, answer.Result, answer.Reason);
                reply = await sender.SignAndRecordAsync(tx, LockerCommandRequest.ShowMessageKey(to.LockerId, to.Reader, text)
                    .Answering(to.Entry, to.NotAfter), command.RequestedBy ?? "gateway", null);
            }
            return (command, reply, now);
        }, cancellationToken);
        if (answer.Result != CommandResults.Ok)
        {
            logger.LogWarning("Locker {LockerId} answered command {CommandId}: {Result} {Reason}", locker.Id, answer.CommandId, answer.Result, answer.Reason);
        }
        if (command is null)
        {
            return LinkOutcome.NoEffect;
        }

        await store.AfterCommitAsync(() =>
        {
            if (reply is not null)
            {
                sender.StartPublish(reply, cancellationToken);
            }
            live.Publish(CommandUpdates.Of(command, at));
            return Task.CompletedTask;
        });
        return LinkOutcome.Applied;
    }
}
