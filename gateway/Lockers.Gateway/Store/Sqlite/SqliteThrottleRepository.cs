using Lockers.Gateway.Throttle;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteThrottleRepository(SqliteSession db) : IThrottleRepository
{
    private static (string, object?)[] Key(KeypadRef k) =>
        [("$site", k.SiteId), ("$locker", k.LockerId), ("$keypad", k.KeypadId)];

    public Task<KeypadThrottleState?> GetAsync(KeypadRef keypad) => db.QuerySingleAsync("""
        SELECT failures, blocked_until FROM keypad_throttle
        WHERE site_id = $site AND locker_id = $locker AND keypad_id = $keypad;
        """, r => new KeypadThrottleState((int)r.ReadLong("failures"), r.ReadNullableTime("blocked_until")), Key(keypad));

    public Task SaveAsync(KeypadRef keypad, KeypadThrottleState state) => db.ExecuteAsync("""
        INSERT INTO keypad_throttle (site_id, locker_id, keypad_id, failures, blocked_until)
        VALUES ($site, $locker, $keypad, $failures, $until)
        ON CONFLICT(site_id, locker_id, keypad_id) DO UPDATE SET
            failures = excluded.failures, blocked_until = excluded.blocked_until;
        """, [.. Key(keypad), ("$failures", state.Failures), ("$until", Time(state.BlockedUntil))]);

    public Task ResetAsync(KeypadRef keypad) => db.ExecuteAsync(
        "DELETE FROM keypad_throttle WHERE site_id = $site AND locker_id = $locker AND keypad_id = $keypad;", Key(keypad));
}
