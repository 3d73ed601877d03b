using Lockers.Gateway.Audit;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteAuditLog(SqliteSession db) : IAuditLog
{
    public Task AppendAsync(AuditEntry e) => db.ExecuteAsync("""
        INSERT INTO audit_log (at, actor, action, site_id, locker_id, compartment, reservation_id, detail)
        VALUES ($at, $actor, $action, $site, $locker, $number, $reservation, $detail);
        """, ("$at", Time(e.At)), ("$actor", e.Actor), ("$action", e.Action), ("$site", e.SiteId), ("$locker", e.LockerId),
        ("$number", e.Compartment), ("$reservation", e.ReservationId), ("$detail", e.Detail));

    public Task<IReadOnlyList<AuditEntry>> ListRecentAsync(int limit) => db.QueryAsync("""
        SELECT id, at, actor, action, site_id, locker_id, compartment, reservation_id, detail
        FROM audit_log ORDER BY id DESC LIMIT $limit;
        """, r => new AuditEntry(r.ReadTime("at"), r.ReadString("actor"), r.ReadString("action"), r.ReadNullableString("site_id"),
            r.ReadNullableString("locker_id"), r.ReadNullableInt("compartment"), r.ReadNullableString("reservation_id"),
            r.ReadNullableString("detail")) { Id = r.ReadLong("id") },
        ("$limit", limit));
}
