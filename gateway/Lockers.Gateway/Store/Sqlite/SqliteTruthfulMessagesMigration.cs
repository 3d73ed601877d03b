namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// Schema step 6 (issue 14, what people are told is true): a guided parcel move keeps its target door and step on the
/// reservation and holds the target (a hold now has a purpose, so one reservation can hold its own door and the door it
/// is moving to); a command remembers who asked for it and which reader to tell when the locker answers; an alarm
/// remembers when its condition ended while it waits to be acknowledged, the alarm it follows, and the time it holds
/// until (a keypad's throttle). ADR 0305, ADR 0306.
/// </summary>
public static class SqliteTruthfulMessagesMigration
{
    public const string Description = "guided moves (move step, move-target holds), command requesters and replies, linked alarms waiting for acknowledgement";

    public const string Sql = """
        ALTER TABLE reservations ADD COLUMN move_locker_id TEXT;
        ALTER TABLE reservations ADD COLUMN move_compartment INTEGER;
        ALTER TABLE reservations ADD COLUMN move_step TEXT;
        CREATE INDEX reservations_move_target ON reservations(move_locker_id, move_compartment) WHERE move_step IS NOT NULL;
        CREATE INDEX reservations_parcel_reference ON reservations(parcel_reference COLLATE NOCASE);
        CREATE TABLE compartment_holds_next (
            locker_id      TEXT NOT NULL,
            number         INTEGER NOT NULL,
            reservation_id TEXT NOT NULL,
            purpose        TEXT NOT NULL DEFAULT 'parcel' CHECK (purpose IN ('parcel', 'move_target')),
            PRIMARY KEY (locker_id, number),
            UNIQUE (reservation_id, purpose),
            FOREIGN KEY (locker_id, number) REFERENCES compartments(locker_id, number)
        );
        INSERT INTO compartment_holds_next (locker_id, number, reservation_id, purpose)
            SELECT locker_id, number, reservation_id, 'parcel' FROM compartment_holds;
        DROP TABLE compartment_holds;
        ALTER TABLE compartment_holds_next RENAME TO compartment_holds;
        ALTER TABLE locker_commands ADD COLUMN requested_by TEXT;
        ALTER TABLE locker_commands ADD COLUMN reply_locker_id TEXT;
        ALTER TABLE locker_commands ADD COLUMN reply_reader TEXT;
        CREATE INDEX locker_commands_door ON locker_commands(locker_id, compartment, created_at) WHERE action = 'unlock';
        ALTER TABLE monitoring_alarms ADD COLUMN condition_ended_at INTEGER;
        ALTER TABLE monitoring_alarms ADD COLUMN follows_alarm_id INTEGER;
        ALTER TABLE monitoring_alarms ADD COLUMN until_at INTEGER;
        """;
}
