namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// The schema of health monitoring and staff accounts (issue 5), appended to <see cref="SqliteMigrations.All"/>.
/// Alarms got their own table beside the older <c>alarms</c> log; step 5 (<see cref="SqliteAlarmFoldMigration"/>) folds that one in.
/// </summary>
public static class SqliteMonitoringMigration
{
    public const string Description = "monitoring alarms with lifecycle, telemetry history, staff accounts";

    public const string Sql = """
        CREATE TABLE monitoring_alarms (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            kind            TEXT NOT NULL,
            severity        INTEGER NOT NULL,
            site_id         TEXT,
            locker_id       TEXT NOT NULL,
            compartment     INTEGER,
            detail          TEXT NOT NULL,
            first_seen      INTEGER NOT NULL,
            last_seen       INTEGER NOT NULL,
            occurrences     INTEGER NOT NULL DEFAULT 1,
            acknowledged_by TEXT,
            acknowledged_at INTEGER,
            cleared_at      INTEGER
        );
        -- At most one open alarm per subject, whichever gateway raises it.
        CREATE UNIQUE INDEX monitoring_alarms_open ON monitoring_alarms(kind, locker_id, COALESCE(compartment, 0))
            WHERE cleared_at IS NULL;
        CREATE INDEX monitoring_alarms_locker ON monitoring_alarms(locker_id, id);
        CREATE TABLE telemetry_samples (
            id          INTEGER PRIMARY KEY AUTOINCREMENT,
            locker_id   TEXT NOT NULL,
            at          INTEGER NOT NULL,
            uptime_ms   INTEGER NOT NULL,
            free_mem    INTEGER NOT NULL,
            rssi_dbm    INTEGER,
            supply_mv   INTEGER,
            temp_c      REAL,
            fw          TEXT NOT NULL,
            journal     INTEGER NOT NULL,
            dropped     INTEGER NOT NULL
        );
        CREATE INDEX telemetry_samples_locker ON telemetry_samples(locker_id, at);
        CREATE INDEX audit_log_locker ON audit_log(locker_id, id);
        CREATE TABLE staff_users (
            user_name     TEXT PRIMARY KEY,
            role          TEXT NOT NULL,
            password_hash TEXT NOT NULL,
            created_at    INTEGER NOT NULL
        );
        """;
}
