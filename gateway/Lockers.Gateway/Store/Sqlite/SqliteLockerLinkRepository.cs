using Lockers.Gateway.Link;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteLockerLinkRepository(SqliteSession db) : ILockerLinkRepository
{
    public Task SaveCredentialsAsync(LockerCredentials credentials) => db.ExecuteAsync("""
        INSERT INTO locker_credentials (locker_id, broker_user, broker_password_hash, sealed_command_key, provisioned_at)
        VALUES ($locker, $user, $hash, $key, $at)
        ON CONFLICT (locker_id) DO UPDATE SET broker_user = excluded.broker_user,
            broker_password_hash = excluded.broker_password_hash, sealed_command_key = excluded.sealed_command_key,
            provisioned_at = excluded.provisioned_at;
        """, ("$locker", credentials.LockerId), ("$user", credentials.BrokerUser), ("$hash", credentials.BrokerPasswordHash),
        ("$key", credentials.SealedCommandKey), ("$at", Time(credentials.ProvisionedAt)));

    public Task<LockerCredentials?> GetCredentialsAsync(string lockerId) => db.QuerySingleAsync(
        """
        SELECT locker_id, broker_user, broker_password_hash, sealed_command_key, command_counter, provisioned_at
        FROM locker_credentials WHERE locker_id = $locker;
        """,
        r => new LockerCredentials(r.ReadString("locker_id"), r.ReadString("broker_user"), r.ReadString("broker_password_hash"),
            r.ReadBytes("sealed_command_key"), r.ReadTime("provisioned_at")) { CommandCounter = r.ReadLong("command_counter") },
        ("$locker", lockerId));

    public async Task<long?> NextCommandCounterAsync(string lockerId) => await db.ScalarAsync(
        "UPDATE locker_credentials SET command_counter = command_counter + 1 WHERE locker_id = $locker RETURNING command_counter;",
        ("$locker", lockerId)) is long counter ? counter : null;

    private const string CommandColumns =
        "locker_id, command_id, counter, action, compartment, reader, created_at, expires_at, result, reason, requested_by, reply_locker_id, reply_reader";

    public Task InsertCommandAsync(LockerCommandRecord command) => db.ExecuteAsync("""
        INSERT INTO locker_commands (locker_id, command_id, counter, action, compartment, reader, created_at, expires_at,
            requested_by, reply_locker_id, reply_reader)
        VALUES ($locker, $id, $counter, $action, $compartment, $reader, $at, $expires, $by, $replyLocker, $replyReader);
        """, ("$locker", command.LockerId), ("$id", command.CommandId), ("$counter", command.Counter), ("$action", command.Action),
        ("$compartment", command.Compartment), ("$reader", command.Reader), ("$at", Time(command.CreatedAt)),
        ("$expires", Time(command.ExpiresAt)), ("$by", command.RequestedBy), ("$replyLocker", command.ReplyTo?.LockerId),
        ("$replyReader", command.ReplyTo?.Reader));

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
            WHERE locker_id = $locker AND command_id = $id AND result IS NULL;
            """, ("$locker", lockerId), ("$id", commandId), ("$result", result), ("$reason", reason), ("$at", Time(at))) == 1;

    public Task<IReadOnlyList<LockerCommandRecord>> ListCommandsAsync(string lockerId, int limit) => db.QueryAsync(
        $"""
        SELECT {CommandColumns}
        FROM locker_commands WHERE locker_id = $locker ORDER BY counter DESC LIMIT $limit;
        """, ReadCommand, ("$locker", lockerId), ("$limit", limit));

    private static LockerCommandRecord ReadCommand(SqliteDataReader r) => new(
        r.ReadString("locker_id"), r.ReadString("command_id"), r.ReadLong("counter"), r.ReadString("action"),
        (int)r.ReadLong("compartment"), r.ReadString("reader"), r.ReadTime("created_at"), r.ReadTime("expires_at"))
    {
        Result = r.ReadNullableString("result"),
        Reason = r.ReadNullableString("reason"),
        RequestedBy = r.ReadNullableString("requested_by"),
        ReplyTo = r.ReadNullableString("reply_locker_id") is { } replyLocker ? new CommandReply(replyLocker, r.ReadString("reply_reader")) : null,
    };
}
