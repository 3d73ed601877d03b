using Lockers.Gateway.Staff;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteStaffRepository(SqliteSession db) : IStaffRepository
{
    private const string Columns = "user_name, role, password_hash, created_at, disabled_at";

    public async Task<bool> InsertAsync(StaffAccount account) => await db.ExecuteAsync("""
        INSERT INTO staff_users (user_name, role, password_hash, created_at) VALUES ($user, $role, $hash, $at)
        ON CONFLICT DO NOTHING;
        """, ("$user", account.UserName), ("$role", account.Role.ToWire()), ("$hash", account.PasswordHash),
        ("$at", Time(account.CreatedAt))) == 1;

    public async Task<bool> UpdateAsync(StaffAccount account) => await db.ExecuteAsync(
        "UPDATE staff_users SET role = $role, password_hash = $hash WHERE user_name = $user;",
        ("$user", account.UserName), ("$role", account.Role.ToWire()), ("$hash", account.PasswordHash)) == 1;

    public async Task<bool> SetRoleAsync(string userName, StaffRole role) => await db.ExecuteAsync(
        "UPDATE staff_users SET role = $role WHERE user_name = $user;", ("$user", userName), ("$role", role.ToWire())) == 1;

    public async Task<bool> SetDisabledAsync(string userName, DateTimeOffset? at) => await db.ExecuteAsync(
        "UPDATE staff_users SET disabled_at = $at WHERE user_name = $user;", ("$user", userName), ("$at", Time(at))) == 1;

    public Task<StaffAccount?> FindAsync(string userName) => db.QuerySingleAsync(
        $"SELECT {Columns} FROM staff_users WHERE user_name = $user;", Read, ("$user", userName));

    public Task<IReadOnlyList<StaffAccount>> ListAsync() =>
        db.QueryAsync($"SELECT {Columns} FROM staff_users ORDER BY user_name;", Read);

    public Task InsertSessionAsync(byte[] keyHash, string userName, byte[] ticket, DateTimeOffset createdAt, DateTimeOffset expiresAt) =>
        db.ExecuteAsync("""
            INSERT INTO staff_sessions (key_hash, user_name, ticket, created_at, expires_at) VALUES ($key, $user, $ticket, $at, $expires);
            """, ("$key", keyHash), ("$user", userName), ("$ticket", ticket), ("$at", Time(createdAt)), ("$expires", Time(expiresAt)));

    public async Task<bool> UpdateSessionAsync(byte[] keyHash, byte[] ticket, DateTimeOffset expiresAt) => await db.ExecuteAsync(
        "UPDATE staff_sessions SET ticket = $ticket, expires_at = $expires WHERE key_hash = $key;",
        ("$key", keyHash), ("$ticket", ticket), ("$expires", Time(expiresAt))) == 1;

    public Task<StaffSession?> FindSessionAsync(byte[] keyHash, DateTimeOffset now) => db.QuerySingleAsync("""
        SELECT s.ticket, s.expires_at, u.user_name, u.role, u.password_hash, u.created_at, u.disabled_at
        FROM staff_sessions s JOIN staff_users u ON u.user_name = s.user_name
        WHERE s.key_hash = $key AND s.expires_at > $now;
        """, r => new StaffSession(r.ReadBytes("ticket"), r.ReadTime("expires_at"), Read(r)), ("$key", keyHash), ("$now", Time(now)));

    public Task DeleteSessionAsync(byte[] keyHash) => db.ExecuteAsync("DELETE FROM staff_sessions WHERE key_hash = $key;", ("$key", keyHash));

    public async Task<int> CountSessionsAsync(string userName, DateTimeOffset now) => (int)(long)(await db.ScalarAsync(
        "SELECT COUNT(*) FROM staff_sessions WHERE user_name = $user AND expires_at > $now;", ("$user", userName), ("$now", Time(now))))!;

    public Task<int> DeleteSessionsAsync(string userName) =>
        db.ExecuteAsync("DELETE FROM staff_sessions WHERE user_name = $user;", ("$user", userName));

    public Task DeleteExpiredSessionsAsync(DateTimeOffset now) =>
        db.ExecuteAsync("DELETE FROM staff_sessions WHERE expires_at <= $now;", ("$now", Time(now)));

    private static StaffAccount Read(SqliteDataReader r) => new(
        r.ReadString("user_name"), Enum.Parse<StaffRole>(r.ReadString("role"), ignoreCase: true),
        r.ReadString("password_hash"), r.ReadTime("created_at"), r.ReadNullableTime("disabled_at"));
}
