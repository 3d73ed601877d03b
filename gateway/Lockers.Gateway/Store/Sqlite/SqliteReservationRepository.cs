using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Microsoft.Data.Sqlite;
using static Lockers.Gateway.Store.Sqlite.SqliteValues;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteReservationRepository(SqliteSession db) : IReservationRepository
{
    private const string Columns = """
        id, client_id, site_id, size, accessible, parcel_reference, recipient_email, recipient_phone,
        pickup_window_hours, status, locker_id, compartment, created_at, deposited_at, pickup_deadline,
        paused_since, expired_at, closed_at, access_token_hash, move_locker_id, move_compartment, move_step, kind, access_token_sealed,
        pin_index, recipient_extended_hours, moved_at, redirected_from, redirected_to
        """;

    public Task InsertAsync(Reservation r) => db.ExecuteAsync($"""
        INSERT INTO reservations ({Columns}) VALUES ($id, $client, $site, $size, $accessible, $parcel, $email, $phone,
            $window, $status, $locker, $compartment, $created, $deposited, $deadline, $paused, $expired, $closed, $token,
            $moveLocker, $moveNumber, $moveStep, $kind, $sealed, $pinIndex, $recipientHours, $moved, $redirectedFrom, $redirectedTo);
        """, Parameters(r));

    public Task<Reservation?> GetAsync(string reservationId) =>
        db.QuerySingleAsync($"SELECT {Columns} FROM reservations WHERE id = $id;", Read, ("$id", reservationId));

    public async Task<bool> UpdateAsync(Reservation r, ReservationStatus expectedStatus)
    {
        var parameters = Parameters(r).Append(("$expected", expectedStatus.ToWire())).ToArray();
        var rows = await db.ExecuteAsync("""
            UPDATE reservations SET pickup_window_hours = $window, status = $status, locker_id = $locker,
                compartment = $compartment, deposited_at = $deposited, pickup_deadline = $deadline,
                paused_since = $paused, expired_at = $expired, closed_at = $closed, access_token_hash = $token,
                move_locker_id = $moveLocker, move_compartment = $moveNumber, move_step = $moveStep,
                site_id = $site, access_token_sealed = $sealed, pin_index = $pinIndex, recipient_extended_hours = $recipientHours,
                moved_at = $moved, redirected_from = $redirectedFrom, redirected_to = $redirectedTo
            WHERE id = $id AND status = $expected;
            """, parameters);
        return rows == 1;
    }

    public Task<IReadOnlyList<Reservation>> ListAsync(string clientId, ReservationStatus? status, ReservationCursor? after, int limit) =>
        db.QueryAsync($"""
            SELECT {Columns} FROM reservations
            WHERE client_id = $client AND ($status IS NULL OR status = $status)
              AND ($afterTime IS NULL OR created_at > $afterTime OR (created_at = $afterTime AND id > $afterId))
            ORDER BY created_at, id LIMIT $limit;
            """, Read, ("$client", clientId), ("$status", status?.ToWire()),
            ("$afterTime", Time(after?.CreatedAt)), ("$afterId", after?.Id), ("$limit", limit));

    public Task<IReadOnlyList<Reservation>> ListOverdueAsync(DateTimeOffset now, int limit) => db.QueryAsync($"""
        SELECT {Columns} FROM reservations
        WHERE status = 'ready_for_pickup' AND paused_since IS NULL AND pickup_deadline <= $now
        ORDER BY pickup_deadline LIMIT $limit;
        """, Read, ("$now", Time(now)), ("$limit", limit));

    public Task<IReadOnlyList<Reservation>> ListHoldingAsync(string lockerId, int? compartmentNumber) => db.QueryAsync($"""
        SELECT {Columns} FROM reservations r
        WHERE EXISTS (SELECT 1 FROM compartment_holds h WHERE h.reservation_id = r.id AND h.locker_id = $locker
                      AND ($number IS NULL OR h.number = $number) AND h.purpose = 'parcel');
        """, Read, ("$locker", lockerId), ("$number", compartmentNumber));

    public Task<Reservation?> FindHoldingAsync(CompartmentRef compartment) => db.QuerySingleAsync($"""
        SELECT {Columns} FROM reservations r
        WHERE r.id = (SELECT h.reservation_id FROM compartment_holds h WHERE h.locker_id = $locker AND h.number = $number AND h.purpose = 'parcel');
        """, Read, ("$locker", compartment.LockerId), ("$number", compartment.Number));

    public Task<Reservation?> FindMovingThroughAsync(CompartmentRef compartment) => db.QuerySingleAsync($"""
        SELECT {Columns} FROM reservations
        WHERE move_step IS NOT NULL
          AND ((locker_id = $locker AND compartment = $number) OR (move_locker_id = $locker AND move_compartment = $number))
        ORDER BY created_at LIMIT 1;
        """, Read, ("$locker", compartment.LockerId), ("$number", compartment.Number));

    public Task<IReadOnlyList<Reservation>> SearchAsync(string text, int limit) => db.QueryAsync($"""
        SELECT {Columns} FROM reservations
        WHERE id = $text OR parcel_reference = $text COLLATE NOCASE OR parcel_reference LIKE $prefix ESCAPE '\'
        ORDER BY (closed_at IS NULL) DESC, created_at DESC LIMIT $limit;
        """, Read, ("$text", text), ("$prefix", EscapeLike(text) + "%"), ("$limit", limit));

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");

    public Task<IReadOnlyList<Reservation>> ListAtSiteAsync(string siteId, string clientId, IReadOnlyCollection<ReservationStatus> statuses) =>
        db.QueryAsync($"""
            SELECT {Columns} FROM reservations
            WHERE site_id = $site AND client_id = $client AND status IN (SELECT value FROM json_each($statuses))
            ORDER BY created_at, id;
            """, Read, ("$site", siteId), ("$client", clientId),
            ("$statuses", System.Text.Json.JsonSerializer.Serialize(statuses.Select(status => status.ToWire()))));

    public Task<IReadOnlyList<Reservation>> ListChangedAtSiteSinceAsync(string siteId, string clientId, DateTimeOffset since) =>
        db.QueryAsync($"""
            SELECT {Columns} FROM reservations
            WHERE site_id = $site AND client_id = $client AND (deposited_at >= $since OR closed_at >= $since)
            ORDER BY created_at, id;
            """, Read, ("$site", siteId), ("$client", clientId), ("$since", Time(since)));

    public Task<Reservation?> FindByAccessTokenHashAsync(byte[] accessTokenHash) => db.QuerySingleAsync(
        $"SELECT {Columns} FROM reservations WHERE access_token_hash = $hash;", Read, ("$hash", accessTokenHash));

    private static (string, object?)[] Parameters(Reservation r) =>
    [
        ("$id", r.Id), ("$client", r.ClientId), ("$site", r.SiteId), ("$size", CompartmentSizeNumbers.ToNumber(r.Size)), ("$accessible", r.Accessible),
        ("$parcel", r.ParcelReference), ("$email", r.RecipientEmail), ("$phone", r.RecipientPhone),
        ("$window", r.PickupWindowHours), ("$status", r.Status.ToWire()), ("$locker", r.Compartment?.LockerId),
        ("$compartment", r.Compartment?.Number), ("$created", Time(r.CreatedAt)), ("$deposited", Time(r.DepositedAt)),
        ("$deadline", Time(r.PickupDeadline)), ("$paused", Time(r.PausedSince)), ("$expired", Time(r.ExpiredAt)),
        ("$closed", Time(r.ClosedAt)), ("$token", r.AccessTokenHash), ("$moveLocker", r.Move?.Target.LockerId),
        ("$moveNumber", r.Move?.Target.Number), ("$moveStep", r.Move is { } move ? ParcelMoves.ToWire(move.Step) : null),
        ("$kind", r.Kind.ToWire()), ("$sealed", r.AccessTokenSealed),
        ("$pinIndex", r.PinIndex), ("$recipientHours", r.RecipientExtendedHours), ("$moved", Time(r.MovedAt)),
        ("$redirectedFrom", r.RedirectedFrom), ("$redirectedTo", r.RedirectedTo),
    ];

    private static Reservation Read(SqliteDataReader r)
    {
        var lockerId = r.ReadNullableString("locker_id");
        var number = r.ReadNullableInt("compartment");
        return new Reservation
        {
            Id = r.ReadString("id"),
            ClientId = r.ReadString("client_id"),
            SiteId = r.ReadString("site_id"),
            Size = CompartmentSizeNumbers.FromNumber(r.ReadLong("size")),
            Accessible = r.ReadBool("accessible"),
            ParcelReference = r.ReadString("parcel_reference"),
            RecipientEmail = r.ReadNullableString("recipient_email"),
            RecipientPhone = r.ReadNullableString("recipient_phone"),
            PickupWindowHours = (int)r.ReadLong("pickup_window_hours"),
            Status = ReservationStatuses.Parse(r.ReadString("status")),
            Compartment = lockerId is not null && number is not null ? new CompartmentRef(lockerId, number.Value) : null,
            CreatedAt = r.ReadTime("created_at"),
            DepositedAt = r.ReadNullableTime("deposited_at"),
            PickupDeadline = r.ReadNullableTime("pickup_deadline"),
            PausedSince = r.ReadNullableTime("paused_since"),
            ExpiredAt = r.ReadNullableTime("expired_at"),
            ClosedAt = r.ReadNullableTime("closed_at"),
            AccessTokenHash = r.ReadNullableBytes("access_token_hash"),
            Move = r.ReadNullableString("move_step") is { } step
                ? new ParcelMove(new CompartmentRef(r.ReadString("move_locker_id"), (int)r.ReadLong("move_compartment")), ParcelMoves.Parse(step))
                : null,
            Kind = r.ReadString("kind") == "send" ? ReservationKind.Send : ReservationKind.Delivery,
            AccessTokenSealed = r.ReadNullableBytes("access_token_sealed"),
            PinIndex = r.ReadNullableInt("pin_index"),
            RecipientExtendedHours = (int)r.ReadLong("recipient_extended_hours"),
            MovedAt = r.ReadNullableTime("moved_at"),
            RedirectedFrom = r.ReadNullableString("redirected_from"),
            RedirectedTo = r.ReadNullableString("redirected_to"),
        };
    }
}
