namespace Lockers.Gateway.Store.Sqlite;

/// <summary>The locker link's schema step: per-locker credentials and counter, and the commands sent.</summary>
public static class SqliteLockerLinkMigration
{
    public const string Description = "locker link: credentials, command counters, commands";

    public const string Sql = """
        -- One row per provisioned locker. The broker password is kept only as a hash (Mosquitto's PBKDF2
        -- format, so a broker's password file can be rebuilt from the store); the command key only sealed.
        CREATE TABLE locker_credentials (
            locker_id            TEXT PRIMARY KEY REFERENCES lockers(id),
            broker_user          TEXT NOT NULL UNIQUE,
            broker_password_hash TEXT NOT NULL,
            sealed_command_key   BLOB NOT NULL,
            command_counter      INTEGER NOT NULL DEFAULT 0,
            provisioned_at       INTEGER NOT NULL
        );
        CREATE TABLE locker_commands (
            locker_id   TEXT NOT NULL,
            command_id  TEXT NOT NULL,
            counter     INTEGER NOT NULL,
            action      TEXT NOT NULL,
            compartment INTEGER NOT NULL,
            reader      TEXT NOT NULL,
            created_at  INTEGER NOT NULL,
            expires_at  INTEGER NOT NULL,
            result      TEXT,
            reason      TEXT,
            answered_at INTEGER,
            PRIMARY KEY (locker_id, command_id)
        );
        CREATE INDEX locker_commands_recent ON locker_commands(locker_id, created_at);
        """;
}
