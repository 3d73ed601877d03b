namespace Lockers.Gateway.Link;

/// <summary>
/// One signed command as the store remembers it; <see cref="Result"/> and <see cref="Reason"/> stay null
/// until the locker answers on cmd/result.
/// </summary>
public sealed record LockerCommandRecord(
    string LockerId, string CommandId, long Counter, string Action, int Compartment, string Reader,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    public string? Result { get; init; }
    public string? Reason { get; init; }

    /// <summary>Who asked for it ("staff:alice", "keypad:kp-1", "gateway"), as audited.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>The reader told how the command ended, once the locker answers (<see cref="CommandReply"/>).</summary>
    public CommandReply? ReplyTo { get; init; }
}
