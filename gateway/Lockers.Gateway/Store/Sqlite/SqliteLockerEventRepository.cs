using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations.Doors;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteLockerEventRepository(SqliteSession db) : ILockerEventRepository
{
    public async Task<long> InsertIntentAsync(
        CompartmentRef compartment, string reservationId, long codeId, UnlockPurpose purpose, DateTimeOffset at,
        string entryLockerId, string readerId) =>
        (long)(await db.ScalarAsync("""
            INSERT INTO unlock_intents (locker_id, compartment, reservation_id, code_id, purpose, status, created_at, updated_at,
                                        entry_locker_id, reader_id)
            VALUES ($locker, $number, $reservation, $code, $purpose, 'Pending', $at, $at, $entry, $reader) RETURNING id;
            """, ("$locker", compartment.LockerId), ("$number", compartment.Number), ("$reservation", reservationId),
            ("$code", codeId), ("$purpose", purpose.ToString()), ("$at", Time(at)), ("$entry", entryLockerId), ("$reader", readerId)))!;

    public Task<UnlockIntent?> FindLatestIntentAsync(CompartmentRef compartment, params UnlockIntentStatus[] statuses)
    {
        // The states are enum names, never user input; they are still bound as parameters.
        var names = statuses.Select((s, i) => ($"$s{i}", (object?)s.ToString())).ToArray();
        var list = string.Join(", ", names.Select(n => n.Item1));
        return db.QuerySingleAsync($"""
            SELECT id, locker_id, compartment, reservation_id, code_id, purpose, status, created_at, entry_locker_id, reader_id FROM unlock_intents
            WHERE locker_id = $locker AND compartment = $number AND status IN ({list})
            ORDER BY id DESC LIMIT 1;
            """, ReadIntent, [("$locker", compartment.LockerId), ("$number", compartment.Number), .. names]);
    }

    public async Task<bool> TransitionIntentAsync(long intentId, UnlockIntentStatus from, UnlockIntentStatus to, DateTimeOffset at) =>
        await db.ExecuteAsync("UPDATE unlock_intents SET status = $to, updated_at = $at WHERE id = $id AND status = $from;",
            ("$id", intentId), ("$from", from.ToString()), ("$to", to.ToString()), ("$at", Time(at))) == 1;

    public Task CloseOtherIntentsAsync(CompartmentRef compartment, long keepIntentId, DateTimeOffset at) => db.ExecuteAsync("""
        UPDATE unlock_intents SET status = 'Done', updated_at = $at
        WHERE locker_id = $locker AND compartment = $number AND id <> $keep AND status IN ('Pending', 'Jammed', 'Opened');
        """, ("$locker", compartment.LockerId), ("$number", compartment.Number), ("$keep", keepIntentId), ("$at", Time(at)));

    private static UnlockIntent ReadIntent(SqliteDataReader r) => new(
        r.ReadLong("id"), new CompartmentRef(r.ReadString("locker_id"), (int)r.ReadLong("compartment")),
        r.ReadString("reservation_id"), r.ReadLong("code_id"), Enum.Parse<UnlockPurpose>(r.ReadString("purpose")),
        Enum.Parse<UnlockIntentStatus>(r.ReadString("status")), r.ReadTime("created_at"),
        r.ReadNullableString("entry_locker_id"), r.ReadNullableString("reader_id"));
}
