using Lockers.Gateway.Codes;
using Lockers.Gateway.Reservations;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteCodeCacheRepository(SqliteSession db) : ICodeCacheRepository
{
    public Task MarkChangedAsync(string lockerId) => db.ExecuteAsync("""
        INSERT INTO code_caches (locker_id, changes) VALUES ($locker, 1)
        ON CONFLICT (locker_id) DO UPDATE SET changes = changes + 1;
        """, ("$locker", lockerId));

    public Task RequestPushAsync(string lockerId) => db.ExecuteAsync("""
        INSERT INTO code_caches (locker_id) VALUES ($locker)
        ON CONFLICT (locker_id) DO UPDATE SET pushed_at = NULL;
        """, ("$locker", lockerId));

    public Task<IReadOnlyList<string>> ListDueAsync(DateTimeOffset staleBefore, int limit) => db.QueryAsync(
        """
        SELECT l.id FROM lockers l
        JOIN locker_credentials k ON k.locker_id = l.id
        LEFT JOIN code_caches c ON c.locker_id = l.id
        WHERE l.online = 1
          AND (c.locker_id IS NULL OR c.pushed_at IS NULL OR c.changes > c.pushed_changes OR c.pushed_at < $stale)
        ORDER BY COALESCE(c.pushed_at, 0), l.id LIMIT $limit;
        """, r => r.ReadString("id"), ("$stale", Time(staleBefore)), ("$limit", limit));

    public Task<IReadOnlyList<CachedCodeSource>> ListCodesAsync(string lockerId) => db.QueryAsync(
        """
        SELECT c.id, c.kind, c.sealed_code, r.compartment, r.pickup_deadline
        FROM reservations r JOIN codes c ON c.reservation_id = r.id
        WHERE r.locker_id = $locker AND r.status IN ($booked, $ready, $expired, $redirected, $deposited)
          AND r.move_step IS NULL AND c.status = 'live' AND c.sealed_code IS NOT NULL
        ORDER BY c.id;
        """, Read, ("$locker", lockerId), ("$booked", ReservationStatus.Booked.ToWire()),
        ("$ready", ReservationStatus.ReadyForPickup.ToWire()), ("$expired", ReservationStatus.Expired.ToWire()),
        // A parcel redirected after deposit or sent from a locker waits for its carrier's collect code.
        ("$redirected", ReservationStatus.Redirected.ToWire()), ("$deposited", ReservationStatus.Deposited.ToWire()));

    public async Task<long> MarkPushedAsync(string lockerId, DateTimeOffset at) => (long)(await db.ScalarAsync("""
        INSERT INTO code_caches (locker_id, version, pushed_at) VALUES ($locker, 1, $at)
        ON CONFLICT (locker_id) DO UPDATE SET version = version + 1, pushed_changes = changes, pushed_at = excluded.pushed_at
        RETURNING version;
        """, ("$locker", lockerId), ("$at", Time(at))))!;

    private static CachedCodeSource Read(SqliteDataReader r) => new(
        r.ReadLong("id"), Enum.Parse<CodeKind>(r.ReadString("kind")), r.ReadBytes("sealed_code"), (int)r.ReadLong("compartment"),
        r.ReadNullableTime("pickup_deadline"));
}
