namespace Lockers.Gateway.Store.Sqlite;

/// <summary>One numbered schema step. Never edit a released migration: add the next number.</summary>
public sealed record SqliteMigration(int Version, string Description, string Sql);

/// <summary>
/// Every schema step, in order. Times are unix milliseconds (INTEGER), booleans 0/1, code hashes BLOBs;
/// all of it maps one to one onto PostgreSQL bigint/boolean/bytea.
/// </summary>
public static class SqliteMigrations
{
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "registry, clients, reservations, codes, events, throttle, audit, outbox", """
            CREATE TABLE sites (
                id   TEXT PRIMARY KEY,
                name TEXT NOT NULL
            );
            CREATE TABLE lockers (
                id      TEXT PRIMARY KEY,
                site_id TEXT NOT NULL REFERENCES sites(id),
                name    TEXT NOT NULL,
                online  INTEGER NOT NULL DEFAULT 1
            );
            CREATE INDEX lockers_site ON lockers(site_id);
            CREATE TABLE compartments (
                locker_id  TEXT NOT NULL REFERENCES lockers(id),
                number     INTEGER NOT NULL CHECK (number BETWEEN 1 AND 255),
                size       INTEGER NOT NULL CHECK (size BETWEEN 1 AND 4),
                col        INTEGER NOT NULL,
                row        INTEGER NOT NULL,
                accessible INTEGER NOT NULL,
                in_service INTEGER NOT NULL DEFAULT 1,
                PRIMARY KEY (locker_id, number)
            );
            -- One row per held compartment: the primary key makes double allocation impossible,
            -- whichever gateway tries.
            CREATE TABLE compartment_holds (
                locker_id      TEXT NOT NULL,
                number         INTEGER NOT NULL,
                reservation_id TEXT NOT NULL UNIQUE,
                PRIMARY KEY (locker_id, number),
                FOREIGN KEY (locker_id, number) REFERENCES compartments(locker_id, number)
            );
            CREATE TABLE clients (
                id             TEXT PRIMARY KEY,
                name           TEXT NOT NULL UNIQUE,
                webhook_url    TEXT,
                webhook_secret BLOB NOT NULL,
                created_at     INTEGER NOT NULL
            );
            CREATE TABLE api_keys (
                prefix     TEXT PRIMARY KEY,
                client_id  TEXT NOT NULL REFERENCES clients(id),
                key_hash   BLOB NOT NULL,
                created_at INTEGER NOT NULL
            );
            CREATE TABLE reservations (
                id                  TEXT PRIMARY KEY,
                client_id           TEXT NOT NULL REFERENCES clients(id),
                site_id             TEXT NOT NULL REFERENCES sites(id),
                size                INTEGER NOT NULL,
                accessible          INTEGER NOT NULL,
                parcel_reference    TEXT NOT NULL,
                recipient_email     TEXT,
                recipient_phone     TEXT,
                pickup_window_hours INTEGER NOT NULL,
                status              TEXT NOT NULL,
                locker_id           TEXT,
                compartment         INTEGER,
                created_at          INTEGER NOT NULL,
                deposited_at        INTEGER,
                pickup_deadline     INTEGER,
                paused_since        INTEGER,
                expired_at          INTEGER,
                closed_at           INTEGER,
                access_token_hash   BLOB UNIQUE
            );
            CREATE INDEX reservations_client ON reservations(client_id, created_at, id);
            CREATE INDEX reservations_due ON reservations(status, pickup_deadline);
            CREATE INDEX reservations_compartment ON reservations(locker_id, compartment);
            CREATE TABLE codes (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                reservation_id TEXT NOT NULL REFERENCES reservations(id),
                site_id        TEXT NOT NULL,
                kind           TEXT NOT NULL,
                code_hash      BLOB NOT NULL,
                status         TEXT NOT NULL DEFAULT 'live',
                issued_at      INTEGER NOT NULL,
                retired_at     INTEGER
            );
            -- Live codes are unique per site: a typed code matches at most one parcel.
            CREATE UNIQUE INDEX codes_live_unique ON codes(site_id, code_hash) WHERE status = 'live';
            CREATE INDEX codes_reservation ON codes(reservation_id);
            CREATE TABLE idempotency_keys (
                client_id       TEXT NOT NULL,
                key             TEXT NOT NULL,
                request_hash    BLOB NOT NULL,
                status_code     INTEGER NOT NULL,
                sealed_response BLOB NOT NULL,
                created_at      INTEGER NOT NULL,
                PRIMARY KEY (client_id, key)
            );
            CREATE TABLE keypad_throttle (
                site_id       TEXT NOT NULL,
                locker_id     TEXT NOT NULL,
                keypad_id     TEXT NOT NULL,
                failures      INTEGER NOT NULL,
                blocked_until INTEGER,
                PRIMARY KEY (site_id, locker_id, keypad_id)
            );
            CREATE TABLE applied_events (
                locker_id  TEXT NOT NULL,
                seq        INTEGER NOT NULL,
                applied_at INTEGER NOT NULL,
                PRIMARY KEY (locker_id, seq)
            );
            CREATE TABLE unlock_intents (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                locker_id      TEXT NOT NULL,
                compartment    INTEGER NOT NULL,
                reservation_id TEXT NOT NULL REFERENCES reservations(id),
                code_id        INTEGER NOT NULL REFERENCES codes(id),
                purpose        TEXT NOT NULL,
                status         TEXT NOT NULL,
                created_at     INTEGER NOT NULL,
                updated_at     INTEGER NOT NULL
            );
            CREATE INDEX unlock_intents_compartment ON unlock_intents(locker_id, compartment, status);
            CREATE TABLE alarms (
                id          INTEGER PRIMARY KEY AUTOINCREMENT,
                at          INTEGER NOT NULL,
                kind        TEXT NOT NULL,
                site_id     TEXT,
                locker_id   TEXT,
                compartment INTEGER,
                detail      TEXT NOT NULL,
                cleared_at  INTEGER
            );
            CREATE TABLE audit_log (
                id             INTEGER PRIMARY KEY AUTOINCREMENT,
                at             INTEGER NOT NULL,
                actor          TEXT NOT NULL,
                action         TEXT NOT NULL,
                site_id        TEXT,
                locker_id      TEXT,
                compartment    INTEGER,
                reservation_id TEXT,
                detail         TEXT
            );
            CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
            BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
            CREATE TABLE outbox (
                id              INTEGER PRIMARY KEY AUTOINCREMENT,
                client_id       TEXT NOT NULL REFERENCES clients(id),
                event_type      TEXT NOT NULL,
                reservation_id  TEXT NOT NULL,
                payload         TEXT NOT NULL,
                sealed_secrets  BLOB,
                created_at      INTEGER NOT NULL,
                attempts        INTEGER NOT NULL DEFAULT 0,
                next_attempt_at INTEGER NOT NULL,
                leased_until    INTEGER,
                delivered_at    INTEGER,
                failed_at       INTEGER,
                last_error      TEXT
            );
            CREATE INDEX outbox_due ON outbox(delivered_at, failed_at, next_attempt_at);
            """),
        new(2, SqliteLockerLinkMigration.Description, SqliteLockerLinkMigration.Sql),
        new(3, SqliteMonitoringMigration.Description, SqliteMonitoringMigration.Sql),
        // /metrics counts these at every scrape; without indexes each scrape reads the whole, ever-growing tables.
        new(4, "indexes for the metrics counts (audit actions, deposited reservations)", """
            CREATE INDEX audit_log_action ON audit_log(action);
            CREATE INDEX reservations_deposited ON reservations(deposited_at) WHERE deposited_at IS NOT NULL;
            """),
        new(5, SqliteAlarmFoldMigration.Description, SqliteAlarmFoldMigration.Sql),
        new(6, SqliteTruthfulMessagesMigration.Description, SqliteTruthfulMessagesMigration.Sql),
        new(7, SqliteEventSequenceMigration.Description, SqliteEventSequenceMigration.Sql),
        new(8, SqliteOfflineCodesMigration.Description, SqliteOfflineCodesMigration.Sql),
        new(9, SqliteSecurityMigration.Description, SqliteSecurityMigration.Sql),
        new(10, SqliteRecipientsMigration.Description, SqliteRecipientsMigration.Sql),
        new(11, SqliteDoorStateMigration.Description, SqliteDoorStateMigration.Sql),
    ];

    public static int Latest => All[^1].Version;
}
