using Lockers.Gateway.Reservations;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteIdempotencyRepository(SqliteSession db) : IIdempotencyRepository
{
    public Task<IdempotencyRecord?> FindAsync(string clientId, string key) => db.QuerySingleAsync("""
        SELECT client_id, key, request_hash, status_code, sealed_response, created_at
        FROM idempotency_keys WHERE client_id = $client AND key = $key;
        """, r => new IdempotencyRecord(r.ReadString("client_id"), r.ReadString("key"), r.ReadBytes("request_hash"),
            (int)r.ReadLong("status_code"), r.ReadBytes("sealed_response"), r.ReadTime("created_at")),
        ("$client", clientId), ("$key", key));

    public Task InsertAsync(IdempotencyRecord record) => db.ExecuteAsync("""
        INSERT INTO idempotency_keys (client_id, key, request_hash, status_code, sealed_response, created_at)
        VALUES ($client, $key, $hash, $status, $response, $at);
        """, ("$client", record.ClientId), ("$key", record.Key), ("$hash", record.RequestHash),
        ("$status", record.StatusCode), ("$response", record.SealedResponse), ("$at", Time(record.CreatedAt)));
}
