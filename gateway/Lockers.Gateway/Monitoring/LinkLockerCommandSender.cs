using Lockers.Core.Protocol;
using Lockers.Gateway.Link;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Dashboard commands through the locker link: <see cref="LockerCommandSender"/> signs with the locker's key
/// and counter, records and audits the command, and publishes it.
/// </summary>
public sealed class LinkLockerCommandSender(LockerCommandSender sender, ILogger<LinkLockerCommandSender> logger) : ILockerCommandSender
{
    public Task<CommandSendResult> SendUnlockAsync(string lockerId, int compartment, string actor, CancellationToken cancellationToken = default) =>
        SendAsync(LockerCommandRequest.Unlock(lockerId, compartment), actor, cancellationToken);

    public Task<CommandSendResult> SendOutOfServiceAsync(
        string lockerId, int compartment, bool outOfService, string actor, CancellationToken cancellationToken = default) =>
        SendAsync(new LockerCommandRequest(lockerId, CommandActions.OutOfService, compartment, On: outOfService), actor, cancellationToken);

    private async Task<CommandSendResult> SendAsync(LockerCommandRequest request, string actor, CancellationToken cancellationToken)
    {
        try
        {
            var signed = await sender.SendAsync(request, actor, cancellationToken: cancellationToken);
            return signed is null
                ? new CommandSendResult(CommandSendStatus.Unavailable, Reason: "the locker has no command key (provision it first)")
                : new CommandSendResult(CommandSendStatus.Sent, signed.CommandId);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The command is recorded but could not be handed to the broker (link down): the page says so.
            logger.LogWarning(ex, "{Action} for locker {LockerId} could not be sent", request.Action, request.LockerId);
            return new CommandSendResult(CommandSendStatus.Unavailable, Reason: "the broker cannot be reached");
        }
    }
}
