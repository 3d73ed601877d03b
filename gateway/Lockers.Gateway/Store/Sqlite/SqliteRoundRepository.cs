using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Reservations.Rounds;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteRoundRepository(SqliteSession db) : IRoundRepository
{
    private const string Columns = """
        id, courier_id, site_id, locker_id, reader, started_at, last_activity_at, ended_at, current_reservation, current_purpose,
        planned_in, planned_out, done_in, done_out, passed_in, passed_out, skipped
        """;

    public Task<CourierRound?> FindOpenAsync(string lockerId) =>
        db.QuerySingleAsync($"SELECT {Columns} FROM courier_rounds WHERE locker_id = $locker AND ended_at IS NULL;", Read, ("$locker", lockerId));

    public Task<CourierRound?> FindOpenByReservationAsync(string reservationId) =>
        db.QuerySingleAsync($"SELECT {Columns} FROM courier_rounds WHERE current_reservation = $reservation AND ended_at IS NULL;",
            Read, ("$reservation", reservationId));

    public async Task<long> InsertAsync(CourierRound r) => (long)(await db.ScalarAsync("""
        INSERT INTO courier_rounds (courier_id, site_id, locker_id, reader, started_at, last_activity_at, ended_at, current_reservation,
            current_purpose, planned_in, planned_out, done_in, done_out, passed_in, passed_out, skipped)
        VALUES ($courier, $site, $locker, $reader, $started, $activity, $ended, $current, $purpose, $plannedIn, $plannedOut, $doneIn,
            $doneOut, $passedIn, $passedOut, $skipped)
        RETURNING id;
        """, Parameters(r)))!;

    public Task UpdateAsync(CourierRound r) => db.ExecuteAsync("""
        UPDATE courier_rounds SET last_activity_at = $activity, ended_at = $ended, current_reservation = $current,
            current_purpose = $purpose, planned_in = $plannedIn, planned_out = $plannedOut, done_in = $doneIn, done_out = $doneOut,
            passed_in = $passedIn, passed_out = $passedOut, skipped = $skipped
        WHERE id = $id;
        """, [("$id", r.Id), .. Parameters(r)]);

    private static (string, object?)[] Parameters(CourierRound r) =>
    [
        ("$courier", r.CourierId), ("$site", r.SiteId), ("$locker", r.LockerId), ("$reader", r.Reader), ("$started", Time(r.StartedAt)),
        ("$activity", Time(r.LastActivityAt)), ("$ended", Time(r.EndedAt)), ("$current", r.CurrentReservation),
        ("$purpose", r.CurrentPurpose?.ToString()), ("$plannedIn", r.PlannedIn), ("$plannedOut", r.PlannedOut), ("$doneIn", r.DoneIn),
        ("$doneOut", r.DoneOut), ("$passedIn", r.PassedIn), ("$passedOut", r.PassedOut), ("$skipped", r.Skipped),
    ];

    private static CourierRound Read(SqliteDataReader r)
    {
        var purpose = r.ReadNullableString("current_purpose");
        return new CourierRound(
            r.ReadLong("id"), r.ReadString("courier_id"), r.ReadString("site_id"), r.ReadString("locker_id"), r.ReadString("reader"),
            r.ReadTime("started_at"), r.ReadTime("last_activity_at"), r.ReadNullableTime("ended_at"), r.ReadNullableString("current_reservation"),
            purpose is null ? null : Enum.Parse<UnlockPurpose>(purpose), (int)r.ReadLong("planned_in"), (int)r.ReadLong("planned_out"),
            (int)r.ReadLong("done_in"), (int)r.ReadLong("done_out"), (int)r.ReadLong("passed_in"), (int)r.ReadLong("passed_out"),
            r.ReadString("skipped"));
    }
}
