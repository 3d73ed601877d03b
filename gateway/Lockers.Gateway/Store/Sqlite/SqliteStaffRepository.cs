using Lockers.Gateway.Staff;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteStaffRepository(SqliteSession db) : IStaffRepository
{
    public async Task<bool> InsertAsync(StaffAccount account) => await db.ExecuteAsync("""
        INSERT INTO staff_users (user_name, role, password_hash, created_at) VALUES ($user, $role, $hash, $at)
        ON CONFLICT DO NOTHING;
        """, ("$user", account.UserName), ("$role", account.Role.ToWire()), ("$hash", account.PasswordHash),
        ("$at", Time(account.CreatedAt))) == 1;

    public async Task<bool> UpdateAsync(StaffAccount account) => await db.ExecuteAsync(
        "UPDATE staff_users SET role = $role, password_hash = $hash WHERE user_name = $user;",
        ("$user", account.UserName), ("$role", account.Role.ToWire()), ("$hash", account.PasswordHash)) == 1;

    public Task<StaffAccount?> FindAsync(string userName) => db.QuerySingleAsync(
        "SELECT user_name, role, password_hash, created_at FROM staff_users WHERE user_name = $user;", Read, ("$user", userName));

    public Task<IReadOnlyList<StaffAccount>> ListAsync() =>
        db.QueryAsync("SELECT user_name, role, password_hash, created_at FROM staff_users ORDER BY user_name;", Read);

    private static StaffAccount Read(SqliteDataReader r) => new(
        r.ReadString("user_name"), Enum.Parse<StaffRole>(r.ReadString("role"), ignoreCase: true),
        r.ReadString("password_hash"), r.ReadTime("created_at"));
}
