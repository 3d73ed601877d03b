namespace Lockers.Gateway.Monitoring;

/// <summary>How a signed command ended, as far as the gateway knows when the call returns.</summary>
public enum CommandSendStatus
{
    /// <summary>Published to the broker; the locker's cmd/result and door event follow.</summary>
    Sent,
    /// <summary>The locker is offline or there is no MQTT link in this process.</summary>
    Unavailable,
}

public sealed record CommandSendResult(CommandSendStatus Status, string? CommandId = null, string? Reason = null);

/// <summary>
/// Sends signed commands to a locker. Implemented by the locker link (Link/LockerLinkService), which signs with
/// the locker's key and counter; the dashboard only decides and audits.
/// </summary>
public interface ILockerCommandSender
{
    /// <param name="actor">Who asked, for the link's own audit line (for example "staff:alice").</param>
    Task<CommandSendResult> SendUnlockAsync(string lockerId, int compartment, string actor, CancellationToken cancellationToken = default);

    /// <summary><paramref name="compartment"/> 0 means the whole locker.</summary>
    Task<CommandSendResult> SendOutOfServiceAsync(
        string lockerId, int compartment, bool outOfService, string actor, CancellationToken cancellationToken = default);
}

/// <summary>Used when no link is registered (a gateway run without MQTT, some tests): every command is unavailable.</summary>
public sealed class NoLockerLink : ILockerCommandSender
{
    public Task<CommandSendResult> SendUnlockAsync(string lockerId, int compartment, string actor, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CommandSendResult(CommandSendStatus.Unavailable, Reason: "no locker link in this gateway"));

    public Task<CommandSendResult> SendOutOfServiceAsync(
        string lockerId, int compartment, bool outOfService, string actor, CancellationToken cancellationToken = default) =>
        Task.FromResult(new CommandSendResult(CommandSendStatus.Unavailable, Reason: "no locker link in this gateway"));
}
