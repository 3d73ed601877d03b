namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// Schema step 8, for offline code checks and command expiry (docs/adr/0210, 0211): every live code also sealed (AES-GCM under
/// the pepper's sealing key) so a locker's verifiers can be computed again after a move; one row per locker's offline code
/// cache; an index for the sweep that marks unanswered commands failed at their expiry; and the code entry (and its window)
/// a reply to another controller's unlock answers.
/// </summary>
public static class SqliteOfflineCodesMigration
{
    public const string Description = "offline code caches: sealed live codes, cache versions; unanswered commands";

    public const string Sql = """
        -- The code, sealed, while it is live (set to NULL when it is used or revoked). Codes issued before this step
        -- have none and are never cached: they still work online.
        ALTER TABLE codes ADD COLUMN sealed_code BLOB;
        -- changes: bumped in the unit of work of every lifecycle step that changes what the locker may open;
        -- pushed_changes: the value of changes at the last push; version: the last sync_codes version pushed.
        CREATE TABLE code_caches (
            locker_id      TEXT PRIMARY KEY REFERENCES lockers(id),
            changes        INTEGER NOT NULL DEFAULT 0,
            pushed_changes INTEGER NOT NULL DEFAULT 0,
            version        INTEGER NOT NULL DEFAULT 0,
            pushed_at      INTEGER
        );
        CREATE INDEX locker_commands_unanswered ON locker_commands(expires_at) WHERE result IS NULL;
        -- The code entry a reply to another controller's unlock answers, and the end of its answer window (ADR 0018).
        ALTER TABLE locker_commands ADD COLUMN reply_entry INTEGER;
        ALTER TABLE locker_commands ADD COLUMN reply_until INTEGER;
        """;
}
