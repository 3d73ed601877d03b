using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Link;

/// <summary>
/// Stores a locker's answer to a command next to the command, audits it and shows it live on the dashboard. A refusal's
/// alarm comes from the locker's command_refused event, through locker health (Monitoring/LockerHealthFeed).
/// </summary>
public sealed class CommandResultRecorder(ILockerStore store, LiveFeed live, TimeProvider time, ILogger<CommandResultRecorder> logger)
{
    public async Task<LinkOutcome> RecordAsync(Locker locker, CommandResultPayload answer, CancellationToken cancellationToken)
    {
        var now = time.GetStoreNow();
        var recorded = await store.ExecuteAsync(async tx =>
        {
            var known = await tx.LockerLink.RecordCommandResultAsync(locker.Id, answer.CommandId, answer.Result,
                answer.Reason.Length == 0 ? null : answer.Reason, now);
            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{locker.Id}", AuditActions.CommandResult, locker.SiteId, locker.Id,
                Detail: $"id={answer.CommandId} result={answer.Result}" + (answer.Reason.Length > 0 ? $" reason={answer.Reason}" : "")
                    + (known ? "" : " (no such command waiting for an answer)")));
            return known ? await tx.LockerLink.GetCommandAsync(locker.Id, answer.CommandId) : null;
        }, cancellationToken);
        if (recorded is not null)
        {
            await store.AfterCommitAsync(() =>
            {
                live.Publish(CommandUpdates.Of(recorded, now));
                return Task.CompletedTask;
            });
        }

        if (answer.Result != CommandResults.Ok)
        {
            logger.LogWarning("Locker {LockerId} answered command {CommandId}: {Result} {Reason}", locker.Id, answer.CommandId, answer.Result, answer.Reason);
        }

        return recorded is not null ? LinkOutcome.Applied : LinkOutcome.NoEffect;
    }
}
