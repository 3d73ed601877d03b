using Lockers.Core.Commands;
using Lockers.Core.Protocol;
using Lockers.Gateway.Link;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Dashboard commands through the locker link: <see cref="LockerCommandSender"/> signs with the locker's key
/// and counter, records and audits the command, and publishes it. "Sent" means the broker acknowledged it.
/// </summary>
public sealed class LinkLockerCommandSender(ILockerStore store, LockerCommandSender sender, ILogger<LinkLockerCommandSender> logger)
    : ILockerCommandSender
{
    public Task<CommandSendResult> SendUnlockAsync(string lockerId, int compartment, string actor, CancellationToken cancellationToken = default) =>
        SendAsync(LockerCommandRequest.Unlock(lockerId, compartment), actor, cancellationToken);

    public Task<CommandSendResult> SendOutOfServiceAsync(
        string lockerId, int compartment, bool outOfService, string actor, CancellationToken cancellationToken = default) =>
        SendAsync(new LockerCommandRequest(lockerId, CommandActions.OutOfService, compartment, On: outOfService), actor, cancellationToken);

    private async Task<CommandSendResult> SendAsync(LockerCommandRequest request, string actor, CancellationToken cancellationToken)
    {
        SignedCommand? signed;
        try
        {
            signed = await store.ExecuteAsync(tx => sender.SignAndRecordAsync(tx, request, actor, reservationId: null), cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // Not even recorded (the store failed): nothing left the gateway, the page says so.
            logger.LogWarning(ex, "{Action} for locker {LockerId} could not be recorded", request.Action, request.LockerId);
            return new CommandSendResult(CommandSendStatus.Unavailable, Reason: "the command could not be recorded");
        }
        if (signed is null)
        {
            return new CommandSendResult(CommandSendStatus.Unavailable, Reason: "the locker has no command key (provision it first)");
        }
        // PublishAsync logs its failures and never throws; the command is recorded either way.
        return await sender.PublishAsync(signed, cancellationToken)
            ? new CommandSendResult(CommandSendStatus.Sent, signed.CommandId)
            : new CommandSendResult(CommandSendStatus.Unavailable, signed.CommandId, "the broker cannot be reached");
    }
}
