namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// Schema step 10 (issue 15; after issue 12's steps 7 and 8 and issue 13's step 9): what a recipient's page and a
/// courier's round need. Sites learn where they are, when they open, how to find the door, which language their
/// people read and their time zone; clients their recipient policy; reservations their kind (a delivery or a send from a locker), the recipient's link kept sealed until the parcel is
/// closed, which derivation of that link the PIN is, the hours the recipient added, a move and a redirect; couriers
/// and their rounds get tables of their own.
/// </summary>
public static class SqliteRecipientsMigration
{
    public const string Description = "site details and locale, recipient policy, send and redirect fields, couriers and rounds";

    public const string Sql = """
        ALTER TABLE sites ADD COLUMN address TEXT;
        ALTER TABLE sites ADD COLUMN latitude REAL;
        ALTER TABLE sites ADD COLUMN longitude REAL;
        ALTER TABLE sites ADD COLUMN opens TEXT;
        ALTER TABLE sites ADD COLUMN closes TEXT;
        ALTER TABLE sites ADD COLUMN access_notes TEXT;
        ALTER TABLE sites ADD COLUMN locale TEXT NOT NULL DEFAULT 'en';
        ALTER TABLE sites ADD COLUMN time_zone TEXT NOT NULL DEFAULT 'UTC';
        CREATE INDEX sites_location ON sites(latitude, longitude) WHERE latitude IS NOT NULL;

        ALTER TABLE clients ADD COLUMN recipient_extension_hours INTEGER;
        ALTER TABLE clients ADD COLUMN redirect_before_deposit INTEGER;
        ALTER TABLE clients ADD COLUMN redirect_after_deposit INTEGER;

        ALTER TABLE reservations ADD COLUMN kind TEXT NOT NULL DEFAULT 'delivery';
        ALTER TABLE reservations ADD COLUMN access_token_sealed BLOB;
        ALTER TABLE reservations ADD COLUMN pin_index INTEGER;
        ALTER TABLE reservations ADD COLUMN recipient_extended_hours INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE reservations ADD COLUMN moved_at INTEGER;
        ALTER TABLE reservations ADD COLUMN redirected_from TEXT;
        ALTER TABLE reservations ADD COLUMN redirected_to TEXT;
        CREATE INDEX reservations_site_status ON reservations(site_id, status, client_id);

        CREATE TABLE couriers (
            id         TEXT PRIMARY KEY,
            client_id  TEXT NOT NULL REFERENCES clients(id),
            name       TEXT NOT NULL,
            badge_hash BLOB NOT NULL UNIQUE,
            pin_hash   BLOB NOT NULL,
            created_at INTEGER NOT NULL,
            revoked_at INTEGER
        );
        -- A typed courier PIN names at most one courier who can still use it.
        CREATE UNIQUE INDEX couriers_live_pin ON couriers(pin_hash) WHERE revoked_at IS NULL;
        CREATE INDEX couriers_client ON couriers(client_id, created_at);

        CREATE TABLE courier_rounds (
            id                INTEGER PRIMARY KEY AUTOINCREMENT,
            courier_id        TEXT NOT NULL REFERENCES couriers(id),
            site_id           TEXT NOT NULL,
            locker_id         TEXT NOT NULL,
            reader            TEXT NOT NULL,
            started_at        INTEGER NOT NULL,
            last_activity_at  INTEGER NOT NULL,
            ended_at          INTEGER,
            current_reservation TEXT,
            current_purpose   TEXT,
            planned_in        INTEGER NOT NULL,
            planned_out       INTEGER NOT NULL,
            done_in           INTEGER NOT NULL DEFAULT 0,
            done_out          INTEGER NOT NULL DEFAULT 0,
            passed_in         INTEGER NOT NULL DEFAULT 0,
            passed_out        INTEGER NOT NULL DEFAULT 0,
            skipped           TEXT NOT NULL DEFAULT ''
        );
        -- One open round per locker controller: the courier standing at its keypad and display.
        CREATE UNIQUE INDEX courier_rounds_open ON courier_rounds(locker_id) WHERE ended_at IS NULL;
        CREATE INDEX courier_rounds_current ON courier_rounds(current_reservation) WHERE ended_at IS NULL;
        """;
}
