namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// Schema step 7 (ADR 0207): an event's identity becomes (locker, epoch, seq). <c>applied_events</c> gains the epoch
/// (existing rows are of the legacy epoch "") and the SHA-256 of the payload as received (null for rows from before, which
/// cannot be compared); <c>event_sequences</c> keeps, per (locker, epoch), the highest seq applied with none missing below
/// it and the state of an open gap (since when, replay requests made); <c>event_conflicts</c> keeps the events that
/// arrived under an identity already applied with other content, for staff to reconcile. A locker's provisioned
/// heartbeat and telemetry intervals join its credentials, so the offline rule follows what the locker was given.
/// </summary>
public static class SqliteEventSequenceMigration
{
    public const string Description = "event identity (locker, epoch, seq) with payload digests, per-epoch sequences, conflicts; provisioned intervals";

    public const string Sql = """
        CREATE TABLE applied_events_v6 (
            locker_id  TEXT NOT NULL,
            epoch      TEXT NOT NULL,
            seq        INTEGER NOT NULL,
            digest     BLOB,
            applied_at INTEGER NOT NULL,
            PRIMARY KEY (locker_id, epoch, seq)
        );
        INSERT INTO applied_events_v6 (locker_id, epoch, seq, digest, applied_at)
            SELECT locker_id, '', seq, NULL, applied_at FROM applied_events;
        DROP TABLE applied_events;
        ALTER TABLE applied_events_v6 RENAME TO applied_events;
        CREATE TABLE event_sequences (
            locker_id       TEXT NOT NULL,
            epoch           TEXT NOT NULL,
            applied_through INTEGER NOT NULL,
            highest_seen    INTEGER NOT NULL,
            gap_since       INTEGER,
            replay_requests INTEGER NOT NULL DEFAULT 0,
            last_replay_at  INTEGER,
            started_at      INTEGER NOT NULL,
            updated_at      INTEGER NOT NULL,
            PRIMARY KEY (locker_id, epoch)
        );
        -- What was applied before epochs counts as the legacy epoch, applied through its highest seq.
        INSERT INTO event_sequences (locker_id, epoch, applied_through, highest_seen, started_at, updated_at)
            SELECT locker_id, '', MAX(seq), MAX(seq), MIN(applied_at), MAX(applied_at) FROM applied_events GROUP BY locker_id;
        CREATE TABLE event_conflicts (
            id              INTEGER PRIMARY KEY AUTOINCREMENT,
            locker_id       TEXT NOT NULL,
            epoch           TEXT NOT NULL,
            seq             INTEGER NOT NULL,
            received_at     INTEGER NOT NULL,
            applied_digest  BLOB,
            digest          BLOB NOT NULL,
            payload         TEXT NOT NULL
        );
        CREATE INDEX event_conflicts_locker ON event_conflicts(locker_id, id);
        ALTER TABLE locker_credentials ADD COLUMN heartbeat_s INTEGER;
        ALTER TABLE locker_credentials ADD COLUMN telemetry_s INTEGER;
        """;
}
