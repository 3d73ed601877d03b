using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Link;

/// <summary>
/// Marks commands that got no result by their expiry failed (reason no_answer), every LockerLink:CommandSweepSeconds: a remote
/// open to a locker that is cut off, a deny that never arrived. Past its expiry the locker refuses the command anyway, so
/// "failed" is then the truth, whatever the broker did with it. <see cref="AnswerGrace"/> after the last valid second leaves
/// a result sent at the last moment time to arrive; one that arrives even later replaces the failure (the locker's word wins).
/// Each is audited and shown live on the dashboard.
/// </summary>
public sealed class CommandExpiryService(
    ILockerStore store, LiveFeed live, IOptions<LockerLinkOptions> options, TimeProvider time, ILogger<CommandExpiryService> logger)
    : BackgroundService
{
    /// <summary>How long after the end of a command's last valid second its result may still be on its way.</summary>
    public static readonly TimeSpan AnswerGrace = TimeSpan.FromSeconds(2);

    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.Enabled)
        {
            return;
        }

        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.CommandSweepSeconds), time);
        do
        {
            try
            {
                await FailUnansweredAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Unanswered commands not marked failed; retrying at the next sweep");
            }
        }
        while (await WaitAsync(timer, stoppingToken));
    }

    /// <summary>Marks every command due now; returns them.</summary>
    public async Task<IReadOnlyList<LockerCommandRecord>> FailUnansweredAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetStoreNow();
        // expires is the last valid second: the locker accepts the command until the end of it.
        var expiredBefore = now - TimeSpan.FromSeconds(1) - AnswerGrace;
        var failed = await store.ExecuteAsync(async tx =>
        {
            var commands = await tx.LockerLink.FailUnansweredAsync(expiredBefore, now, BatchSize);
            foreach (var command in commands)
            {
                await tx.Audit.AppendAsync(new AuditEntry(now, "gateway", AuditActions.CommandUnanswered, null, command.LockerId,
                    command.Compartment == 0 ? null : command.Compartment,
                    Detail: $"id={command.CommandId} action={command.Action} expired={command.ExpiresAt:O} result=failed reason={LockerCommandRecord.NoAnswer}"));
            }

            return commands;
        }, cancellationToken);

        foreach (var command in failed)
        {
            logger.LogWarning("Command {CommandId} ({Action}) for locker {LockerId} got no answer by its expiry: failed",
                command.CommandId, command.Action, command.LockerId);
            live.Publish(CommandUpdates.Of(command, now));
        }

        return failed;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken stoppingToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(stoppingToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}
