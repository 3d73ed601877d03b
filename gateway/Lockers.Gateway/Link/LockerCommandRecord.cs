using Lockers.Core.Protocol;

namespace Lockers.Gateway.Link;

/// <summary>
/// One signed command as the store remembers it; <see cref="Result"/> and <see cref="Reason"/> stay null until the locker
/// answers on cmd/result, or until the command's expiry passes without an answer (failed, <see cref="NoAnswer"/>).
/// </summary>
public sealed record LockerCommandRecord(
    string LockerId, string CommandId, long Counter, string Action, int Compartment, string Reader,
    DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt)
{
    /// <summary>The gateway's own failure reason: no result by the command's expiry (the locker never got it, or its answer was lost).</summary>
    public const string NoAnswer = "no_answer";

    /// <summary>The status of a command that may still run (<see cref="StatusAt"/>).</summary>
    public const string Sent = "sent";

    public string? Result { get; init; }
    public string? Reason { get; init; }

    /// <summary>Who asked for it ("staff:alice", "keypad:kp-1", "gateway"), as audited.</summary>
    public string? RequestedBy { get; init; }

    /// <summary>The reader told how the command ended, once the locker answers (<see cref="CommandReply"/>).</summary>
    public CommandReply? ReplyTo { get; init; }

    /// <summary>
    /// How the command stands for the people who asked, at <paramref name="now"/>: <c>sent</c> while it may still run, <c>done</c>,
    /// <c>failed</c> (the locker refused it or it did not work), or <c>no_answer</c> once its expiry passed without a result (the
    /// sweep then records it failed, reason no_answer: Link/CommandExpiryService). One mapping for the page, the live feed and
    /// the status endpoint.
    /// </summary>
    public string StatusAt(DateTimeOffset now) => (Result, Reason) switch
    {
        (CommandResults.Ok, _) => "done",
        (CommandResults.Failed, NoAnswer) => "no_answer",
        (null, _) when ExpiresAt < now => "no_answer",
        (null, _) => Sent,
        _ => "failed",
    };

    /// <summary>The outcome in words for a person: "failed: no answer from the locker".</summary>
    public string Text => Result switch
    {
        null => "sent: waiting for the locker",
        CommandResults.Ok => "done",
        _ => $"{Result}: {ReasonText(Reason)}",
    };

    private static string ReasonText(string? reason) => reason switch
    {
        NoAnswer => "no answer from the locker",
        CommandResults.Jammed => "the door did not open",
        CommandResults.Forced => "the door was forced open before the unlock",
        CommandResults.OutOfService => "out of service",
        CommandResults.UnknownTarget => "no such compartment or reader",
        CommandResults.TooLate => "too late, the person had left",
        RefusalReasons.Expired => "it reached the locker after its expiry",
        RefusalReasons.NoTime => "the locker's clock is not set",
        null or "" => "no reason given",
        _ => reason,
    };
}
