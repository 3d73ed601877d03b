using Lockers.Core.Protocol;

namespace Lockers.Gateway.Link;

/// <summary>
/// A message from a locker: its topic split into locker id and channel, and its payload read by the core's
/// protocol class for that channel (<see cref="StatusPayload"/>, <see cref="LockerEvent"/>,
/// <see cref="TelemetryPayload"/> or <see cref="CommandResultPayload"/>).
/// </summary>
public sealed record LockerMessage(string LockerId, string Channel, object Payload);

/// <summary>
/// Either a <see cref="LockerMessage"/> or why the raw message was dropped. <see cref="LockerId"/> is set on a drop for
/// invalid text, where the topic (and so, through the broker's ACL, the sender) was good.
/// </summary>
public sealed record LockerMessageParseResult(LockerMessage? Message, LinkDropReason Reason, string Detail, string? LockerId = null)
{
    public static LockerMessageParseResult Ok(LockerMessage message) => new(message, default, "");

    public static LockerMessageParseResult Drop(LinkDropReason reason, string detail, string? lockerId = null) => new(null, reason, detail, lockerId);
}
