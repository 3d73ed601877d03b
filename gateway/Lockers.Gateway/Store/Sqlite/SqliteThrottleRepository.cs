using Lockers.Gateway.Throttle;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteThrottleRepository(SqliteSession db) : IThrottleRepository
{
    private static (string, object?)[] Key(ThrottleScope k) =>
        [("$site", k.SiteId), ("$locker", k.LockerId), ("$reader", k.ReaderId)];

    public Task<ThrottleState?> GetAsync(ThrottleScope scope) => db.QuerySingleAsync("""
        SELECT failures, blocked_until FROM reader_throttle
        WHERE site_id = $site AND locker_id = $locker AND reader_id = $reader;
        """, r => new ThrottleState((int)r.ReadLong("failures"), r.ReadNullableTime("blocked_until")), Key(scope));

    public Task SaveAsync(ThrottleScope scope, ThrottleState state) => db.ExecuteAsync("""
        INSERT INTO reader_throttle (site_id, locker_id, reader_id, failures, blocked_until)
        VALUES ($site, $locker, $reader, $failures, $until)
        ON CONFLICT(site_id, locker_id, reader_id) DO UPDATE SET
            failures = excluded.failures, blocked_until = excluded.blocked_until;
        """, [.. Key(scope), ("$failures", state.Failures), ("$until", Time(state.BlockedUntil))]);

    public Task ResetAsync(ThrottleScope scope) => db.ExecuteAsync(
        "DELETE FROM reader_throttle WHERE site_id = $site AND locker_id = $locker AND reader_id = $reader;", Key(scope));

    public async Task AddSiteFailureAsync(string siteId, string lockerId, CodeFamily family, DateTimeOffset at, DateTimeOffset pruneBefore)
    {
        await db.ExecuteAsync("DELETE FROM guess_failures WHERE site_id = $site AND family = $family AND at <= $before;",
            ("$site", siteId), ("$family", family.Name()), ("$before", Time(pruneBefore)));
        await db.ExecuteAsync("INSERT INTO guess_failures (site_id, family, locker_id, at) VALUES ($site, $family, $locker, $at);",
            ("$site", siteId), ("$family", family.Name()), ("$locker", lockerId), ("$at", Time(at)));
    }

    public async Task<SiteFailures> CountSiteFailuresAsync(string siteId, CodeFamily family, DateTimeOffset since) =>
        (await db.QuerySingleAsync("""
            SELECT COUNT(*) AS failures, MIN(at) AS oldest FROM guess_failures
            WHERE site_id = $site AND family = $family AND at > $since;
            """, r => new SiteFailures((int)r.ReadLong("failures"), r.ReadNullableTime("oldest")),
            ("$site", siteId), ("$family", family.Name()), ("$since", Time(since))))!;

    public Task<IReadOnlyList<HeldReader>> ListHeldReadersAsync(DateTimeOffset now) => db.QueryAsync(
        "SELECT site_id, locker_id, reader_id, blocked_until FROM reader_throttle WHERE blocked_until > $now;",
        r => new HeldReader(r.ReadString("site_id"), r.ReadString("locker_id"), r.ReadString("reader_id"), r.ReadTime("blocked_until")),
        ("$now", Time(now)));

    public Task<IReadOnlyList<SpentSiteBudget>> ListSpentSiteBudgetsAsync(DateTimeOffset since, int budget) => db.QueryAsync("""
        SELECT g.site_id, g.family, COUNT(*) AS failures, MIN(g.at) AS oldest,
               (SELECT MIN(l.id) FROM lockers l WHERE l.site_id = g.site_id) AS first_locker
        FROM guess_failures g WHERE g.at > $since
        GROUP BY g.site_id, g.family HAVING COUNT(*) >= $budget;
        """, r => new SpentSiteBudget(r.ReadString("site_id"), CodeFamilies.FromName(r.ReadString("family")),
            (int)r.ReadLong("failures"), r.ReadTime("oldest"), r.ReadNullableString("first_locker") ?? ""),
        ("$since", Time(since)), ("$budget", budget));
}
