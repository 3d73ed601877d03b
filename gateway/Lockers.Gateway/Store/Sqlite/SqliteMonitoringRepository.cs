using Lockers.Core.Board;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteMonitoringRepository(SqliteSession db) : IMonitoringRepository
{
    private const string AlarmColumns = """
        id, kind, severity, site_id, locker_id, compartment, detail, first_seen, last_seen, occurrences,
        acknowledged_by, acknowledged_at, cleared_at, condition_ended_at, follows_alarm_id, until_at
        """;

    public Task<IReadOnlyList<MonitoredAlarm>> ListOpenAlarmsAsync(string lockerId) => db.QueryAsync(
        $"SELECT {AlarmColumns} FROM monitoring_alarms WHERE locker_id = $locker AND cleared_at IS NULL ORDER BY id;",
        ReadAlarm, ("$locker", lockerId));

    public async Task<int?> GetTelemetryIntervalAsync(string lockerId) =>
        await db.ScalarAsync("SELECT telemetry_s FROM locker_credentials WHERE locker_id = $locker;", ("$locker", lockerId)) is long seconds
            ? (int)seconds
            : null;

    public Task<MonitoredAlarm?> InsertAlarmAsync(AlarmCondition condition, string? siteId, DateTimeOffset at, long? followsAlarmId = null) =>
        db.QuerySingleAsync($"""
            INSERT INTO monitoring_alarms (kind, severity, site_id, locker_id, compartment, detail, first_seen, last_seen, follows_alarm_id, until_at)
            VALUES ($kind, $severity, $site, $locker, $number, $detail, $at, $at, $follows, $until)
            ON CONFLICT DO NOTHING RETURNING {AlarmColumns};
            """, ReadAlarm, ("$kind", condition.Kind), ("$severity", (int)condition.Severity), ("$site", siteId),
            ("$locker", condition.LockerId), ("$number", condition.Compartment), ("$detail", condition.Detail), ("$at", Time(at)),
            ("$follows", followsAlarmId), ("$until", Time(condition.Until)));

    public Task TouchAlarmAsync(long alarmId, string detail, DateTimeOffset lastSeen, bool newOccurrence, DateTimeOffset? until = null) => db.ExecuteAsync("""
        UPDATE monitoring_alarms SET detail = $detail, last_seen = MAX(last_seen, $at), occurrences = occurrences + $more,
            until_at = $until, condition_ended_at = NULL
        WHERE id = $id AND cleared_at IS NULL;
        """, ("$id", alarmId), ("$detail", detail), ("$at", Time(lastSeen)), ("$more", newOccurrence ? 1 : 0), ("$until", Time(until)));

    public async Task<bool> MarkConditionEndedAsync(long alarmId, DateTimeOffset at) => await db.ExecuteAsync(
        "UPDATE monitoring_alarms SET condition_ended_at = $at WHERE id = $id AND cleared_at IS NULL AND condition_ended_at IS NULL;",
        ("$id", alarmId), ("$at", Time(at))) == 1;

    public async Task<bool> ClearAlarmAsync(long alarmId, DateTimeOffset at) => await db.ExecuteAsync(
        "UPDATE monitoring_alarms SET cleared_at = $at WHERE id = $id AND cleared_at IS NULL;",
        ("$id", alarmId), ("$at", Time(at))) == 1;

    public async Task<bool> AcknowledgeAlarmAsync(long alarmId, string staffUser, DateTimeOffset at) => await db.ExecuteAsync(
        "UPDATE monitoring_alarms SET acknowledged_by = $user, acknowledged_at = $at WHERE id = $id AND acknowledged_by IS NULL;",
        ("$id", alarmId), ("$user", staffUser), ("$at", Time(at))) == 1;

    public Task<MonitoredAlarm?> GetAlarmAsync(long alarmId) =>
        db.QuerySingleAsync($"SELECT {AlarmColumns} FROM monitoring_alarms WHERE id = $id;", ReadAlarm, ("$id", alarmId));

    public Task<IReadOnlyList<MonitoredAlarm>> ListAlarmsAsync(string? lockerId, bool openOnly, int limit) => db.QueryAsync($"""
        SELECT {AlarmColumns} FROM monitoring_alarms
        WHERE ($locker IS NULL OR locker_id = $locker) AND ($open = 0 OR cleared_at IS NULL)
        ORDER BY (cleared_at IS NULL) DESC, severity DESC, id DESC LIMIT $limit;
        """, ReadAlarm, ("$locker", lockerId), ("$open", openOnly ? 1 : 0), ("$limit", limit));

    public async Task<IReadOnlyDictionary<string, long>> CountOpenAlarmsByKindAsync() =>
        (await db.QueryAsync("SELECT kind, COUNT(*) AS n FROM monitoring_alarms WHERE cleared_at IS NULL GROUP BY kind;",
            r => (Kind: r.ReadString("kind"), Count: r.ReadLong("n")))).ToDictionary(row => row.Kind, row => row.Count);

    public async Task InsertTelemetryAsync(string lockerId, TelemetrySample s, DateTimeOffset pruneBefore)
    {
        await db.ExecuteAsync("""
            INSERT INTO telemetry_samples (locker_id, at, uptime_ms, free_mem, rssi_dbm, supply_mv, temp_c, fw, journal, dropped)
            VALUES ($locker, $at, $uptime, $mem, $rssi, $supply, $temp, $fw, $journal, $dropped);
            """, ("$locker", lockerId), ("$at", Time(s.At)), ("$uptime", s.UptimeMs), ("$mem", s.FreeMemoryBytes),
            ("$rssi", s.SignalDbm), ("$supply", s.SupplyMv), ("$temp", s.TemperatureC), ("$fw", s.Firmware),
            ("$journal", s.JournalDepth), ("$dropped", s.DroppedEvents));
        await db.ExecuteAsync("DELETE FROM telemetry_samples WHERE locker_id = $locker AND at < $before;",
            ("$locker", lockerId), ("$before", Time(pruneBefore)));
    }

    public async Task<IReadOnlyList<TelemetrySample>> ListTelemetryAsync(string lockerId, int limit) =>
        (await db.QueryAsync("""
            SELECT at, uptime_ms, free_mem, rssi_dbm, supply_mv, temp_c, fw, journal, dropped FROM telemetry_samples
            WHERE locker_id = $locker ORDER BY at DESC, id DESC LIMIT $limit;
            """, ReadSample, ("$locker", lockerId), ("$limit", limit))).Reverse().ToList();

    public Task<IReadOnlyList<FleetLocker>> ListFleetAsync() => db.QueryAsync("""
        SELECT s.id AS site_id, s.name AS site_name, l.id AS locker_id, l.name AS locker_name, l.online,
               (SELECT COUNT(*) FROM compartments c WHERE c.locker_id = l.id) AS compartments,
               (SELECT COUNT(*) FROM monitoring_alarms a WHERE a.locker_id = l.id AND a.cleared_at IS NULL) AS open_alarms,
               (SELECT MAX(severity) FROM monitoring_alarms a WHERE a.locker_id = l.id AND a.cleared_at IS NULL) AS worst
        FROM lockers l JOIN sites s ON s.id = l.site_id
        ORDER BY open_alarms > 0 DESC, worst DESC, s.name, l.name;
        """, r => new FleetLocker(r.ReadString("site_id"), r.ReadString("site_name"), r.ReadString("locker_id"),
            r.ReadString("locker_name"), r.ReadBool("online"), (int)r.ReadLong("compartments"), (int)r.ReadLong("open_alarms"),
            r.ReadNullableInt("worst") is { } worst ? (AlarmSeverity)worst : null));

    public Task<IReadOnlyList<CompartmentView>> ListCompartmentsAsync(string lockerId) => db.QueryAsync("""
        SELECT c.number, c.size, c.col, c.row, c.accessible, c.in_service, h.reservation_id, h.purpose, r.status
        FROM compartments c
        LEFT JOIN compartment_holds h ON h.locker_id = c.locker_id AND h.number = c.number
        LEFT JOIN reservations r ON r.id = h.reservation_id
        WHERE c.locker_id = $locker ORDER BY c.number;
        """, r => new CompartmentView((int)r.ReadLong("number"), SizeName(r.ReadLong("size")), (int)r.ReadLong("col"),
            (int)r.ReadLong("row"), r.ReadBool("accessible"), r.ReadBool("in_service"),
            Occupancy(r.ReadNullableString("reservation_id"), r.ReadNullableString("purpose"), r.ReadNullableString("status")),
            r.ReadNullableString("reservation_id")),
        ("$locker", lockerId));

    public Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string lockerId, int limit, AuditFilter? filter = null)
    {
        var parameters = new List<(string, object?)> { ("$locker", lockerId), ("$limit", limit), ("$compartment", filter?.Compartment) };
        var actions = AnyPrefix("action", "$action", filter?.ActionPrefixes ?? [], parameters);
        var actors = AnyPrefix("actor", "$actor", filter?.ActorPrefixes ?? [], parameters);
        return db.QueryAsync($"""
            SELECT id, at, actor, action, site_id, locker_id, compartment, reservation_id, detail FROM audit_log
            WHERE locker_id = $locker AND ($compartment IS NULL OR compartment = $compartment) AND {actions} AND {actors}
            ORDER BY id DESC LIMIT $limit;
            """, r => new AuditEntry(r.ReadTime("at"), r.ReadString("actor"), r.ReadString("action"), r.ReadNullableString("site_id"),
                r.ReadNullableString("locker_id"), r.ReadNullableInt("compartment"), r.ReadNullableString("reservation_id"),
                r.ReadNullableString("detail")) { Id = r.ReadLong("id") },
            parameters.ToArray());
    }

    /// <summary>"(column LIKE $p0 || '%' OR ...)" with one parameter per prefix (LIKE's wildcards in a prefix escaped); "1" for none.</summary>
    private static string AnyPrefix(string column, string name, IReadOnlyList<string> prefixes, List<(string, object?)> parameters)
    {
        if (prefixes.Count == 0)
        {
            return "1";
        }
        var terms = new List<string>();
        for (var i = 0; i < prefixes.Count; i++)
        {
            parameters.Add(($"{name}{i}", prefixes[i].Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")));
            terms.Add($"{column} LIKE {name}{i} || '%' ESCAPE '\\'");
        }
        return "(" + string.Join(" OR ", terms) + ")";
    }

    public async Task<ActivityTotals> CountActivityAsync() => (await db.QuerySingleAsync($"""
        SELECT (SELECT COUNT(*) FROM reservations WHERE deposited_at IS NOT NULL) AS deposits,
               (SELECT COUNT(*) FROM reservations WHERE status = 'picked_up') AS pickups,
               (SELECT COUNT(*) FROM audit_log WHERE action = '{AuditActions.CodeRejected}') AS failures,
               (SELECT COUNT(*) FROM lockers WHERE online = 1) AS online,
               (SELECT COUNT(*) FROM lockers) AS lockers;
        """, r => new ActivityTotals(r.ReadLong("deposits"), r.ReadLong("pickups"), r.ReadLong("failures"),
            r.ReadLong("online"), r.ReadLong("lockers"))))!;

    private static string SizeName(long stored) => CompartmentSizes.ToName(CompartmentSizeNumbers.FromNumber(stored));

    private static string Occupancy(string? reservationId, string? purpose, string? status) => (reservationId, status) switch
    {
        (null, _) => "empty",
        _ when purpose == "move_target" => "move_target",
        (_, "ready_for_pickup" or "expired") => "parcel",
        // Taken out, the hold kept until the door closes (the lifecycle's "emptied" step releases it).
        (_, "picked_up" or "returned") => "emptying",
        _ => "reserved",
    };

    private static MonitoredAlarm ReadAlarm(SqliteDataReader r) => new(
        r.ReadLong("id"), r.ReadString("kind"), (AlarmSeverity)r.ReadLong("severity"), r.ReadNullableString("site_id"),
        r.ReadString("locker_id"), r.ReadNullableInt("compartment"), r.ReadString("detail"), r.ReadTime("first_seen"),
        r.ReadTime("last_seen"), (int)r.ReadLong("occurrences"), r.ReadNullableString("acknowledged_by"),
        r.ReadNullableTime("acknowledged_at"), r.ReadNullableTime("cleared_at"), r.ReadNullableTime("condition_ended_at"),
        r.ReadNullableLong("follows_alarm_id"), r.ReadNullableTime("until_at"));

    private static TelemetrySample ReadSample(SqliteDataReader r)
    {
        var temperature = r.GetOrdinal("temp_c");
        return new TelemetrySample(r.ReadTime("at"), r.ReadLong("uptime_ms"), r.ReadLong("free_mem"), r.ReadNullableInt("rssi_dbm"),
            r.ReadNullableInt("supply_mv"), r.IsDBNull(temperature) ? null : r.GetDouble(temperature), r.ReadString("fw"),
            (int)r.ReadLong("journal"), r.ReadLong("dropped"));
    }
}
