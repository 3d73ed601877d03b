namespace Lockers.Gateway.Store.Sqlite;

/// <summary>
/// Schema step 5: one alarm table. The older <c>alarms</c> table (a flat log the code flow, the link and the throttle
/// wrote, which nothing showed) is folded into <c>monitoring_alarms</c>, the table with the lifecycle that the dashboard,
/// metrics and alarm webhook read, and dropped. Every row is kept, as a cleared alarm seen once at its time: it has no
/// condition that could clear it, and several rows of one subject could not all be open (one open alarm per subject).
/// Kinds become the one kind per condition of <c>Monitoring.AlarmKinds</c>: <c>keypad_brute_force</c> is
/// <c>pin_throttle</c>, and <c>door_opened_unexpectedly</c> (a door opened that no code explained) is
/// <c>door_forced</c>; their detail keeps the old kind in brackets. Severities are those of AlarmKinds when this
/// step was written (a released step never changes). See docs/adr/0107-gateway-owners.md.
/// </summary>
public static class SqliteAlarmFoldMigration
{
    public const string Description = "one alarm table: the old alarms rows moved into monitoring_alarms (cleared), alarms dropped";

    public const string Sql = """
        INSERT INTO monitoring_alarms (kind, severity, site_id, locker_id, compartment, detail, first_seen, last_seen, occurrences, cleared_at)
        SELECT kind, CASE
                   WHEN kind IN ('door_forced', 'tamper', 'command_refused') THEN 3
                   WHEN kind IN ('locker_offline', 'door_jammed', 'door_left_open', 'pin_throttle', 'supply_out_of_range') THEN 2
                   ELSE 1 END,
               site_id, locker_id, compartment, detail, at, at, 1, cleared_at
        FROM (SELECT id,
                     CASE kind WHEN 'keypad_brute_force' THEN 'pin_throttle'
                               WHEN 'door_opened_unexpectedly' THEN 'door_forced'
                               ELSE kind END AS kind,
                     site_id, COALESCE(locker_id, '') AS locker_id, compartment,
                     CASE WHEN kind IN ('keypad_brute_force', 'door_opened_unexpectedly') THEN '[' || kind || '] ' || detail
                          ELSE detail END AS detail,
                     at, COALESCE(cleared_at, at) AS cleared_at
              FROM alarms)
        ORDER BY id;
        DROP TABLE alarms;
        """;
}
