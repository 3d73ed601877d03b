namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// Schema step 9, issue 13 (security at the edge): guessing budgets per reader, locker and site (ADR 0108), the readers each
/// locker was provisioned with (ADR 0109), unlock holds and the per-minute unlock counts of the anomaly guard (ADR 0110), and
/// server-side staff sessions with account disabling (ADR 0302).
/// </summary>
public static class SqliteSecurityMigration
{
    public const string Description = "guessing budgets, provisioned readers, unlock holds, staff sessions";

    public const string Sql = """
        -- The keypad throttle counts every reader now (keypads and scanners), and the whole locker under reader_id ''.
        ALTER TABLE keypad_throttle RENAME TO reader_throttle;
        ALTER TABLE reader_throttle RENAME COLUMN keypad_id TO reader_id;
        -- Failed entries per site and code family, kept for the budget window only.
        CREATE TABLE guess_failures (
            id        INTEGER PRIMARY KEY AUTOINCREMENT,
            site_id   TEXT NOT NULL,
            family    TEXT NOT NULL,
            locker_id TEXT NOT NULL,
            at        INTEGER NOT NULL
        );
        CREATE INDEX guess_failures_window ON guess_failures(site_id, family, at);
        -- Where a code was entered, so the door's confirmation clears that reader's count (not the acceptance).
        ALTER TABLE unlock_intents ADD COLUMN entry_locker_id TEXT;
        ALTER TABLE unlock_intents ADD COLUMN reader_id TEXT;
        -- The readers (kind keypad or scanner) a locker was provisioned with; a code from any other reader is refused.
        CREATE TABLE locker_readers (
            locker_id TEXT NOT NULL REFERENCES lockers(id),
            reader_id TEXT NOT NULL,
            kind      TEXT NOT NULL,
            PRIMARY KEY (locker_id, reader_id)
        );
        -- Every locker provisioned before this step got the device config's defaults (keypad = locker id, scanner =
        -- locker id + '-qr', or 'qr' when that would be too long): what provisioning has always written.
        INSERT INTO locker_readers (locker_id, reader_id, kind)
            SELECT locker_id, locker_id, 'keypad' FROM locker_credentials;
        INSERT INTO locker_readers (locker_id, reader_id, kind)
            SELECT locker_id, CASE WHEN length(locker_id) <= 61 THEN locker_id || '-qr' ELSE 'qr' END, 'scanner' FROM locker_credentials;
        -- Unlock holds: a site ('site:<id>') or the whole fleet ('fleet'), by staff or by the anomaly guard.
        CREATE TABLE unlock_holds (
            scope     TEXT PRIMARY KEY,
            kind      TEXT NOT NULL,
            reason    TEXT NOT NULL,
            held_by   TEXT NOT NULL,
            locker_id TEXT,
            since     INTEGER NOT NULL
        );
        -- Unlocks admitted per scope and minute (unix minutes), for the guard's ceilings; two minutes are kept.
        CREATE TABLE unlock_minutes (
            scope   TEXT NOT NULL,
            minute  INTEGER NOT NULL,
            unlocks INTEGER NOT NULL,
            PRIMARY KEY (scope, minute)
        );
        -- Server-side dashboard sessions: the cookie carries only a random key, stored here as its SHA-256.
        CREATE TABLE staff_sessions (
            key_hash   BLOB PRIMARY KEY,
            user_name  TEXT NOT NULL REFERENCES staff_users(user_name),
            ticket     BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            expires_at INTEGER NOT NULL
        );
        CREATE INDEX staff_sessions_user ON staff_sessions(user_name);
        ALTER TABLE staff_users ADD COLUMN disabled_at INTEGER;
        """;
}
