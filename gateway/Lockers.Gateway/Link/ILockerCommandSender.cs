using Lockers.Core.Commands;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Link;

/// <summary>How a command ended, as far as the gateway knows when the call returns.</summary>
public enum CommandSendStatus
{
    /// <summary>Published: the broker acknowledged it; the locker's cmd/result and door event follow.</summary>
    Sent,
    /// <summary>Not sent: the locker has no command key, the store failed, or the broker cannot be reached.</summary>
    Unavailable,
}

/// <summary><see cref="Reason"/> says why a command is unavailable, in words for a person; <see cref="CommandId"/> is set once it was recorded.</summary>
public sealed record CommandSendResult(CommandSendStatus Status, string? CommandId = null, string? Reason = null);

/// <summary>
/// The one way to send a command to a locker (implemented by <see cref="LockerCommandSender"/>). Every command is
/// signed with the locker's own key and next counter, recorded and audited in a unit of work, and published (QoS 1)
/// only after that unit committed, so every command a locker can receive is on record and no counter is signed twice.
/// </summary>
public interface ILockerCommandSender
{
    /// <summary>
    /// Records the command in its own unit of work, publishes it and waits (bounded) for the broker's acknowledgement.
    /// Never throws for a store or broker failure: the result says <see cref="CommandSendStatus.Unavailable"/> and why.
    /// </summary>
    /// <param name="actor">Who asked, for the audit line ("staff:alice", "keypad:kp-1").</param>
    Task<CommandSendResult> SendAsync(
        LockerCommandRequest request, string actor, string? reservationId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Signs, records and audits the command inside the caller's unit of work; null when the locker has no command key.
    /// Once that unit (or its group commit) is durable, hand the command over with <see cref="StartPublish"/>.
    /// </summary>
    Task<SignedCommand?> SignAndRecordAsync(IStoreTransaction tx, LockerCommandRequest request, string actor, string? reservationId);

    /// <summary>
    /// Hands a committed command to the MQTT client at once (in call order) without waiting for the broker, so a broker
    /// round trip per command does not hold up the next message; failures are logged, never thrown.
    /// </summary>
    void StartPublish(SignedCommand command, CancellationToken cancellationToken);
}
