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

    /// <summary>"pending" until the command has a result, then ok, refused or failed.</summary>
    public const string Pending = "pending";

    public string? Result { get; init; }
    public string? Reason { get; init; }

    /// <summary><see cref="Pending"/>, or the result.</summary>
    public string Status => Result ?? Pending;

    /// <summary>The status in words for a person: "failed: no answer from the locker".</summary>
    public string Text => Result switch
    {
        null => "pending: waiting for the locker",
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
