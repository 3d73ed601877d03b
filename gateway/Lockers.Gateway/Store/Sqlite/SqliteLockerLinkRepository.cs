using Lockers.Gateway.Link;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteLockerLinkRepository(SqliteSession db) : ILockerLinkRepository
{
    public Task SaveCredentialsAsync(LockerCredentials credentials) => db.ExecuteAsync("""
        INSERT INTO locker_credentials (locker_id, broker_user, broker_password_hash, sealed_command_key, provisioned_at,
                                        heartbeat_s, telemetry_s)
        VALUES ($locker, $user, $hash, $key, $at, $heartbeat, $telemetry)
        ON CONFLICT (locker_id) DO UPDATE SET broker_user = excluded.broker_user,
            broker_password_hash = excluded.broker_password_hash, sealed_command_key = excluded.sealed_command_key,
            provisioned_at = excluded.provisioned_at, heartbeat_s = excluded.heartbeat_s, telemetry_s = excluded.telemetry_s;
        """, ("$locker", credentials.LockerId), ("$user", credentials.BrokerUser), ("$hash", credentials.BrokerPasswordHash),
        ("$key", credentials.SealedCommandKey), ("$at", Time(credentials.ProvisionedAt)), ("$heartbeat", credentials.HeartbeatS),
        ("$telemetry", credentials.TelemetryS));

    public Task<LockerCredentials?> GetCredentialsAsync(string lockerId) => db.QuerySingleAsync(
        """
        SELECT locker_id, broker_user, broker_password_hash, sealed_command_key, command_counter, provisioned_at, heartbeat_s, telemetry_s
        FROM locker_credentials WHERE locker_id = $locker;
        """,
        r => new LockerCredentials(r.ReadString("locker_id"), r.ReadString("broker_user"), r.ReadString("broker_password_hash"),
            r.ReadBytes("sealed_command_key"), r.ReadTime("provisioned_at"))
        {
            CommandCounter = r.ReadLong("command_counter"),
            HeartbeatS = r.ReadNullableInt("heartbeat_s"),
            TelemetryS = r.ReadNullableInt("telemetry_s"),
        },
        ("$locker", lockerId));

    public async Task SaveReadersAsync(string lockerId, IReadOnlyList<ProvisionedReader> readers)
    {
        await db.ExecuteAsync("DELETE FROM locker_readers WHERE locker_id = $locker;", ("$locker", lockerId));
        foreach (var reader in readers)
        {
            await db.ExecuteAsync("INSERT INTO locker_readers (locker_id, reader_id, kind) VALUES ($locker, $reader, $kind);",
                ("$locker", lockerId), ("$reader", reader.ReaderId), ("$kind", reader.Kind.ToString().ToLowerInvariant()));
        }
    }

    public Task<IReadOnlyList<ProvisionedReader>> ListReadersAsync(string lockerId) => db.QueryAsync(
        "SELECT reader_id, kind FROM locker_readers WHERE locker_id = $locker ORDER BY kind, reader_id;",
        r => new ProvisionedReader(r.ReadString("reader_id"), Enum.Parse<ReaderKind>(r.ReadString("kind"), ignoreCase: true)),
        ("$locker", lockerId));

    public async Task<long?> NextCommandCounterAsync(string lockerId) => await db.ScalarAsync(
        "UPDATE locker_credentials SET command_counter = command_counter + 1 WHERE locker_id = $locker RETURNING command_counter;",
        ("$locker", lockerId)) is long counter ? counter : null;

    private const string CommandColumns =
        "locker_id, command_id, counter, action, compartment, reader, created_at, expires_at, result, reason, requested_by, reply_locker_id, reply_reader, "
        + "reply_entry, reply_until";

    public Task InsertCommandAsync(LockerCommandRecord command) => db.ExecuteAsync("""
        INSERT INTO locker_commands (locker_id, command_id, counter, action, compartment, reader, created_at, expires_at,
            requested_by, reply_locker_id, reply_reader, reply_entry, reply_until)
        VALUES ($locker, $id, $counter, $action, $compartment, $reader, $at, $expires, $by, $replyLocker, $replyReader, $replyEntry, $replyUntil);
        """, ("$locker", command.LockerId), ("$id", command.CommandId), ("$counter", command.Counter), ("$action", command.Action),
        ("$compartment", command.Compartment), ("$reader", command.Reader), ("$at", Time(command.CreatedAt)),
        ("$expires", Time(command.ExpiresAt)), ("$by", command.RequestedBy), ("$replyLocker", command.ReplyTo?.LockerId),
        ("$replyReader", command.ReplyTo?.Reader), ("$replyEntry", command.ReplyTo?.Entry), ("$replyUntil", Time(command.ReplyTo?.NotAfter)));

    public Task<LockerCommandRecord?> GetCommandAsync(string lockerId, string commandId) => db.QuerySingleAsync(
        $"SELECT {CommandColumns} FROM locker_commands WHERE locker_id = $locker AND command_id = $id;",
        ReadCommand, ("$locker", lockerId), ("$id", commandId));

    public Task<LockerCommandRecord?> FindLatestUnlockAsync(string lockerId, int compartment, DateTimeOffset since) => db.QuerySingleAsync($"""
        SELECT {CommandColumns} FROM locker_commands
        WHERE locker_id = $locker AND compartment = $number AND action = 'unlock' AND created_at >= $since
          AND (result IS NULL OR result = 'ok')
        ORDER BY created_at DESC, counter DESC LIMIT 1;
        """, ReadCommand, ("$locker", lockerId), ("$number", compartment), ("$since", Time(since)));

    public async Task<bool> RecordCommandResultAsync(string lockerId, string commandId, string result, string? reason, DateTimeOffset at) =>
        await db.ExecuteAsync("""
            UPDATE locker_commands SET result = $result, reason = $reason, answered_at = $at
            WHERE locker_id = $locker AND command_id = $id AND (result IS NULL OR (result = 'failed' AND reason = $noAnswer));
            """, ("$locker", lockerId), ("$id", commandId), ("$result", result), ("$reason", reason), ("$at", Time(at)),
            ("$noAnswer", LockerCommandRecord.NoAnswer)) == 1;

    public Task<IReadOnlyList<LockerCommandRecord>> FailUnansweredAsync(DateTimeOffset expiredBefore, DateTimeOffset at, int limit) => db.QueryAsync(
        $"""
        UPDATE locker_commands SET result = 'failed', reason = $noAnswer, answered_at = $at
        WHERE rowid IN (SELECT rowid FROM locker_commands WHERE result IS NULL AND expires_at < $before ORDER BY expires_at LIMIT $limit)
        RETURNING {CommandColumns};
        """, ReadCommand, ("$noAnswer", LockerCommandRecord.NoAnswer), ("$at", Time(at)), ("$before", Time(expiredBefore)), ("$limit", limit));

    public Task<IReadOnlyList<LockerCommandRecord>> ListCommandsAsync(string lockerId, int limit) => db.QueryAsync(
        $"""
        SELECT {CommandColumns}
        FROM locker_commands WHERE locker_id = $locker ORDER BY counter DESC LIMIT $limit;
        """, ReadCommand, ("$locker", lockerId), ("$limit", limit));

    public Task<EventSequence?> GetSequenceAsync(string lockerId, string epoch) => db.QuerySingleAsync("""
        SELECT locker_id, epoch, applied_through, highest_seen, gap_since, replay_requests, last_replay_at, started_at
        FROM event_sequences WHERE locker_id = $locker AND epoch = $epoch;
        """, ReadSequence, ("$locker", lockerId), ("$epoch", epoch));

    public async Task<string?> GetLatestEpochAsync(string lockerId) => await db.ScalarAsync(
        "SELECT epoch FROM event_sequences WHERE locker_id = $locker ORDER BY started_at DESC, rowid DESC LIMIT 1;",
        ("$locker", lockerId)) as string;

    public Task SaveSequenceAsync(EventSequence sequence, DateTimeOffset at) => db.ExecuteAsync("""
        INSERT INTO event_sequences (locker_id, epoch, applied_through, highest_seen, gap_since, replay_requests, last_replay_at,
                                     started_at, updated_at)
        VALUES ($locker, $epoch, $through, $highest, $gap, $requests, $replay, $started, $at)
        ON CONFLICT (locker_id, epoch) DO UPDATE SET applied_through = excluded.applied_through,
            highest_seen = excluded.highest_seen, gap_since = excluded.gap_since, replay_requests = excluded.replay_requests,
            last_replay_at = excluded.last_replay_at, updated_at = excluded.updated_at;
        """, ("$locker", sequence.LockerId), ("$epoch", sequence.Epoch), ("$through", sequence.AppliedThrough),
        ("$highest", sequence.HighestSeen), ("$gap", Time(sequence.GapSince)), ("$requests", sequence.ReplayRequests),
        ("$replay", Time(sequence.LastReplayAt)), ("$started", Time(sequence.StartedAt)), ("$at", Time(at)));

    public async Task<bool> TryAdvanceSequenceAsync(string lockerId, string epoch, long seq, DateTimeOffset at) =>
        await db.ExecuteAsync("""
            UPDATE event_sequences SET applied_through = $seq, updated_at = $at,
                highest_seen = MAX(highest_seen, $seq),
                gap_since = CASE WHEN $seq >= highest_seen THEN NULL ELSE gap_since END,
                replay_requests = CASE WHEN $seq >= highest_seen THEN 0 ELSE replay_requests END
            WHERE locker_id = $locker AND epoch = $epoch AND applied_through = $seq - 1;
            """, ("$locker", lockerId), ("$epoch", epoch), ("$seq", seq), ("$at", Time(at))) == 1;

    public async Task<bool> InsertAppliedEventAsync(string lockerId, string epoch, long seq, byte[] digest, DateTimeOffset at) =>
        await db.ExecuteAsync("""
            INSERT INTO applied_events (locker_id, epoch, seq, digest, applied_at) VALUES ($locker, $epoch, $seq, $digest, $at)
            ON CONFLICT DO NOTHING;
            """, ("$locker", lockerId), ("$epoch", epoch), ("$seq", seq), ("$digest", digest), ("$at", Time(at))) == 1;

    public Task<AppliedEventRecord?> GetAppliedEventAsync(string lockerId, string epoch, long seq) => db.QuerySingleAsync(
        "SELECT locker_id, epoch, seq, digest FROM applied_events WHERE locker_id = $locker AND epoch = $epoch AND seq = $seq;",
        r => new AppliedEventRecord(r.ReadString("locker_id"), r.ReadString("epoch"), r.ReadLong("seq"), r.ReadNullableBytes("digest")),
        ("$locker", lockerId), ("$epoch", epoch), ("$seq", seq));

    public Task InsertConflictAsync(EventConflict conflict) => db.ExecuteAsync("""
        INSERT INTO event_conflicts (locker_id, epoch, seq, received_at, applied_digest, digest, payload)
        VALUES ($locker, $epoch, $seq, $at, $applied, $digest, $payload);
        """, ("$locker", conflict.LockerId), ("$epoch", conflict.Epoch), ("$seq", conflict.Seq), ("$at", Time(conflict.ReceivedAt)),
        ("$applied", conflict.AppliedDigest), ("$digest", conflict.Digest), ("$payload", conflict.Payload));

    public Task<IReadOnlyList<EventConflict>> ListConflictsAsync(string lockerId, int limit) => db.QueryAsync("""
        SELECT id, locker_id, epoch, seq, received_at, applied_digest, digest, payload FROM event_conflicts
        WHERE locker_id = $locker ORDER BY id DESC LIMIT $limit;
        """, r => new EventConflict(r.ReadLong("id"), r.ReadString("locker_id"), r.ReadString("epoch"), r.ReadLong("seq"),
            r.ReadTime("received_at"), r.ReadNullableBytes("applied_digest"), r.ReadBytes("digest"), r.ReadString("payload")),
        ("$locker", lockerId), ("$limit", limit));

    private static EventSequence ReadSequence(SqliteDataReader r) => new(
        r.ReadString("locker_id"), r.ReadString("epoch"), r.ReadLong("applied_through"), r.ReadLong("highest_seen"),
        r.ReadNullableTime("gap_since"), (int)r.ReadLong("replay_requests"), r.ReadNullableTime("last_replay_at"), r.ReadTime("started_at"));

    private static LockerCommandRecord ReadCommand(SqliteDataReader r) => new(
        r.ReadString("locker_id"), r.ReadString("command_id"), r.ReadLong("counter"), r.ReadString("action"),
        (int)r.ReadLong("compartment"), r.ReadString("reader"), r.ReadTime("created_at"), r.ReadTime("expires_at"))
    {
        Result = r.ReadNullableString("result"),
        Reason = r.ReadNullableString("reason"),
        RequestedBy = r.ReadNullableString("requested_by"),
        ReplyTo = r.ReadNullableString("reply_locker_id") is { } replyLocker
            ? new CommandReply(replyLocker, r.ReadString("reply_reader"), r.ReadNullableLong("reply_entry") ?? 0, r.ReadNullableTime("reply_until"))
            : null,
    };
}
