using Lockers.Gateway.Couriers;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteCourierRepository(SqliteSession db) : ICourierRepository
{
    private const string Columns = "id, client_id, name, badge_hash, pin_hash, created_at, revoked_at";

    public Task InsertAsync(Courier c) => db.ExecuteAsync($"""
        INSERT INTO couriers ({Columns}) VALUES ($id, $client, $name, $badge, $pin, $created, $revoked);
        """, ("$id", c.Id), ("$client", c.ClientId), ("$name", c.Name), ("$badge", c.BadgeHash), ("$pin", c.PinHash),
        ("$created", Time(c.CreatedAt)), ("$revoked", Time(c.RevokedAt)));

    public Task<Courier?> GetAsync(string courierId) =>
        db.QuerySingleAsync($"SELECT {Columns} FROM couriers WHERE id = $id;", Read, ("$id", courierId));

    public Task<IReadOnlyList<Courier>> ListAsync(string clientId) =>
        db.QueryAsync($"SELECT {Columns} FROM couriers WHERE client_id = $client ORDER BY created_at, id;", Read, ("$client", clientId));

    public async Task<bool> RevokeAsync(string courierId, DateTimeOffset at) =>
        await db.ExecuteAsync("UPDATE couriers SET revoked_at = $at WHERE id = $id AND revoked_at IS NULL;",
            ("$id", courierId), ("$at", Time(at))) == 1;

    public Task<Courier?> FindActiveByBadgeAsync(byte[] badgeHash) =>
        db.QuerySingleAsync($"SELECT {Columns} FROM couriers WHERE badge_hash = $hash AND revoked_at IS NULL;", Read, ("$hash", badgeHash));

    public Task<Courier?> FindActiveByPinAsync(byte[] pinHash) =>
        db.QuerySingleAsync($"SELECT {Columns} FROM couriers WHERE pin_hash = $hash AND revoked_at IS NULL;", Read, ("$hash", pinHash));

    private static Courier Read(SqliteDataReader r) => new(
        r.ReadString("id"), r.ReadString("client_id"), r.ReadString("name"), r.ReadBytes("badge_hash"), r.ReadBytes("pin_hash"),
        r.ReadTime("created_at"), r.ReadNullableTime("revoked_at"));
}
