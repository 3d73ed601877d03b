using Lockers.Gateway.Guard;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteGuardRepository(SqliteSession db) : IGuardRepository
{
    private const string Columns = "scope, kind, reason, held_by, locker_id, since";

    public Task<IReadOnlyList<UnlockHold>> FindHoldsAsync(IReadOnlyList<string> scopes)
    {
        var names = scopes.Select((s, i) => ($"$s{i}", (object?)s)).ToArray();
        return db.QueryAsync($"SELECT {Columns} FROM unlock_holds WHERE scope IN ({string.Join(", ", names.Select(n => n.Item1))});",
            Read, names);
    }

    public Task<IReadOnlyList<UnlockHold>> ListHoldsAsync() => db.QueryAsync($"SELECT {Columns} FROM unlock_holds ORDER BY since;", Read);

    public async Task<bool> InsertHoldAsync(UnlockHold hold) => await db.ExecuteAsync($"""
        INSERT INTO unlock_holds ({Columns}) VALUES ($scope, $kind, $reason, $by, $locker, $since) ON CONFLICT DO NOTHING;
        """, ("$scope", hold.Scope), ("$kind", hold.Kind.ToString()), ("$reason", hold.Reason), ("$by", hold.HeldBy),
        ("$locker", hold.LockerId), ("$since", Time(hold.Since))) == 1;

    public async Task<bool> DeleteHoldAsync(string scope) =>
        await db.ExecuteAsync("DELETE FROM unlock_holds WHERE scope = $scope;", ("$scope", scope)) == 1;

    public async Task<(long Current, long Previous)> CountUnlocksAsync(string scope, long minute)
    {
        var rows = await db.QueryAsync("SELECT minute, unlocks FROM unlock_minutes WHERE scope = $scope AND minute >= $previous;",
            r => (Minute: r.ReadLong("minute"), Unlocks: r.ReadLong("unlocks")), ("$scope", scope), ("$previous", minute - 1));
        return (rows.Where(r => r.Minute == minute).Sum(r => r.Unlocks), rows.Where(r => r.Minute == minute - 1).Sum(r => r.Unlocks));
    }

    public async Task CountUnlockAsync(string scope, long minute)
    {
        await db.ExecuteAsync("""
            INSERT INTO unlock_minutes (scope, minute, unlocks) VALUES ($scope, $minute, 1)
            ON CONFLICT(scope, minute) DO UPDATE SET unlocks = unlocks + 1;
            """, ("$scope", scope), ("$minute", minute));
        await db.ExecuteAsync("DELETE FROM unlock_minutes WHERE scope = $scope AND minute < $previous;",
            ("$scope", scope), ("$previous", minute - 1));
    }

    public Task ForgetUnlocksAsync(string scope) =>
        db.ExecuteAsync("DELETE FROM unlock_minutes WHERE scope = $scope;", ("$scope", scope));

    private static UnlockHold Read(SqliteDataReader r) => new(
        r.ReadString("scope"), Enum.Parse<UnlockHoldKind>(r.ReadString("kind")), r.ReadString("reason"), r.ReadString("held_by"),
        r.ReadNullableString("locker_id"), r.ReadTime("since"));
}
