using Lockers.Gateway.Webhooks;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteOutbox(SqliteSession db) : IOutbox
{
    private const string Columns =
        "id, client_id, event_type, reservation_id, payload, sealed_secrets, created_at, attempts, next_attempt_at, delivered_at";

    public Task EnqueueAsync(string clientId, string eventType, string reservationId, string payload, byte[]? sealedSecrets, DateTimeOffset at) =>
        db.ExecuteAsync("""
            INSERT INTO outbox (client_id, event_type, reservation_id, payload, sealed_secrets, created_at, next_attempt_at)
            VALUES ($client, $type, $reservation, $payload, $secrets, $at, $at);
            """, ("$client", clientId), ("$type", eventType), ("$reservation", reservationId), ("$payload", payload),
            ("$secrets", sealedSecrets), ("$at", Time(at)));

    public async Task<IReadOnlyList<OutboxMessage>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit)
    {
        var due = await db.QueryAsync($"""
            SELECT {Columns} FROM outbox
            WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $now
              AND (leased_until IS NULL OR leased_until <= $now)
            ORDER BY id LIMIT $limit;
            """, Read, ("$now", Time(now)), ("$limit", limit));
        foreach (var message in due)
        {
            await db.ExecuteAsync("UPDATE outbox SET leased_until = $until WHERE id = $id;", ("$id", message.Id), ("$until", Time(leaseUntil)));
        }
        return due;
    }

    public async Task<bool> HasDueAsync(DateTimeOffset now) => await db.ScalarAsync("""
        SELECT EXISTS (SELECT 1 FROM outbox
            WHERE delivered_at IS NULL AND failed_at IS NULL AND next_attempt_at <= $now
              AND (leased_until IS NULL OR leased_until <= $now));
        """, ("$now", Time(now))) is long found && found != 0;

    public Task MarkDeliveredAsync(long messageId, DateTimeOffset at) => db.ExecuteAsync("""
        UPDATE outbox SET delivered_at = $at, attempts = attempts + 1, leased_until = NULL, sealed_secrets = NULL, last_error = NULL
        WHERE id = $id;
        """, ("$id", messageId), ("$at", Time(at)));

    public Task MarkFailedAsync(long messageId, int attempts, DateTimeOffset? nextAttemptAt, string error) => db.ExecuteAsync("""
        UPDATE outbox SET attempts = $attempts, leased_until = NULL, last_error = $error,
            next_attempt_at = COALESCE($next, next_attempt_at),
            failed_at = CASE WHEN $next IS NULL THEN next_attempt_at ELSE NULL END,
            sealed_secrets = CASE WHEN $next IS NULL THEN NULL ELSE sealed_secrets END
        WHERE id = $id;
        """, ("$id", messageId), ("$attempts", attempts), ("$next", Time(nextAttemptAt)), ("$error", error));

    public Task<IReadOnlyList<OutboxMessage>> ListAsync(string? reservationId, int limit) => db.QueryAsync(
        $"SELECT {Columns} FROM outbox WHERE ($reservation IS NULL OR reservation_id = $reservation) ORDER BY id LIMIT $limit;",
        Read, ("$reservation", reservationId), ("$limit", limit));

    private static OutboxMessage Read(SqliteDataReader r) => new(
        r.ReadLong("id"), r.ReadString("client_id"), r.ReadString("event_type"), r.ReadString("reservation_id"),
        r.ReadString("payload"), r.ReadNullableBytes("sealed_secrets"), r.ReadTime("created_at"), (int)r.ReadLong("attempts"),
        r.ReadTime("next_attempt_at"), r.ReadNullableTime("delivered_at"));
}
