namespace Lockers.Gateway.Link;

/// <summary>
/// How far one numbering (locker, epoch) of a locker's events is applied: <see cref="AppliedThrough"/> is the highest seq
/// applied with none missing below it; <see cref="HighestSeen"/> the highest that arrived. When an event arrived beyond
/// the next one (a gap), <see cref="GapSince"/> says since when, and <see cref="ReplayRequests"/> how often the gateway has
/// asked the locker to send again (the last at <see cref="LastReplayAt"/>). Kept in the store: any gateway continues it.
/// </summary>
public sealed record EventSequence(
    string LockerId, string Epoch, long AppliedThrough, long HighestSeen, DateTimeOffset? GapSince, int ReplayRequests,
    DateTimeOffset? LastReplayAt, DateTimeOffset StartedAt);

/// <summary>An event that arrived under an identity already applied with other content: kept for staff to reconcile.</summary>
/// <param name="Payload">The event as received, its code (if any) replaced by "[redacted]": codes are never stored in clear.</param>
public sealed record EventConflict(
    long Id, string LockerId, string Epoch, long Seq, DateTimeOffset ReceivedAt, byte[]? AppliedDigest, byte[] Digest, string Payload);

/// <summary>An applied event's record: <see cref="Digest"/> (SHA-256 of its payload) is null for events applied before digests were kept.</summary>
public sealed record AppliedEventRecord(string LockerId, string Epoch, long Seq, byte[]? Digest);
