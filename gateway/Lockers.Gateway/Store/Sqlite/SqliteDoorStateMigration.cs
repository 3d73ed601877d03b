namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// Schema step 11 (docs/adr/0310): each compartment's last reported door state and when it was applied, so what staff see
/// about a door survives a gateway restart. Written only by Reservations/Doors/DoorEventService, in the unit of work that
/// applies the door event; a compartment with no row was never reported (the page says "not reported yet").
/// </summary>
public static class SqliteDoorStateMigration
{
    public const string Description = "door states: each compartment's last reported door state";

    public const string Sql = """
        CREATE TABLE door_states (
            locker_id   TEXT NOT NULL,
            number      INTEGER NOT NULL,
            state       TEXT NOT NULL,
            reported_at INTEGER NOT NULL,
            PRIMARY KEY (locker_id, number),
            FOREIGN KEY (locker_id, number) REFERENCES compartments(locker_id, number)
        );
        """;
}
