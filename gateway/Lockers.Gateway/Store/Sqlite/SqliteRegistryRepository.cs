using System.Globalization;
using System.Text.Json;
using Lockers.Core.Board;
using Lockers.Gateway.Registry;
using Microsoft.Data.Sqlite;

namespace Lockers.Gateway.Store.Sqlite;

internal sealed class SqliteRegistryRepository(SqliteSession db) : IRegistryRepository
{
    private const string CompartmentColumns = "c.locker_id, c.number, c.size, c.col, c.row, c.accessible, c.in_service";

    private const string SiteColumns = "id, name, address, latitude, longitude, opens, closes, access_notes, locale, time_zone";

    public Task UpsertSiteAsync(Site site) => db.ExecuteAsync($"""
        INSERT INTO sites ({SiteColumns}) VALUES ($id, $name, $address, $lat, $lon, $opens, $closes, $notes, $locale, $zone)
        ON CONFLICT(id) DO UPDATE SET name = excluded.name, address = excluded.address, latitude = excluded.latitude,
            longitude = excluded.longitude, opens = excluded.opens, closes = excluded.closes, access_notes = excluded.access_notes,
            locale = excluded.locale, time_zone = excluded.time_zone;
        """,
        ("$id", site.Id), ("$name", site.Name), ("$address", site.Address), ("$lat", site.Location?.Latitude),
        ("$lon", site.Location?.Longitude), ("$opens", site.Hours?.Opens.ToString("HH:mm", CultureInfo.InvariantCulture)),
        ("$closes", site.Hours?.Closes.ToString("HH:mm", CultureInfo.InvariantCulture)),
        ("$notes", site.AccessNotes is { Count: > 0 } notes ? JsonSerializer.Serialize(notes) : null), ("$locale", site.Locale),
        ("$zone", site.TimeZone));

    public Task UpsertLockerAsync(Locker locker) => db.ExecuteAsync("""
        INSERT INTO lockers (id, site_id, name, online) VALUES ($id, $site, $name, $online)
        ON CONFLICT(id) DO UPDATE SET site_id = excluded.site_id, name = excluded.name;
        """, ("$id", locker.Id), ("$site", locker.SiteId), ("$name", locker.Name), ("$online", locker.Online));

    public Task UpsertCompartmentAsync(Compartment c) => db.ExecuteAsync("""
        INSERT INTO compartments (locker_id, number, size, col, row, accessible, in_service)
        VALUES ($locker, $number, $size, $col, $row, $accessible, $inService)
        ON CONFLICT(locker_id, number) DO UPDATE SET
            size = excluded.size, col = excluded.col, row = excluded.row, accessible = excluded.accessible;
        """, ("$locker", c.LockerId), ("$number", c.Number), ("$size", CompartmentSizeNumbers.ToNumber(c.Size)), ("$col", c.Column),
        ("$row", c.Row), ("$accessible", c.Accessible), ("$inService", c.InService));

    public Task<Site?> GetSiteAsync(string siteId) => db.QuerySingleAsync(
        $"SELECT {SiteColumns} FROM sites WHERE id = $id;", ReadSite, ("$id", siteId));

    public Task<IReadOnlyList<Site>> ListSitesWithinAsync(double minLatitude, double maxLatitude, double minLongitude, double maxLongitude) =>
        db.QueryAsync($"""
            SELECT {SiteColumns} FROM sites
            WHERE latitude BETWEEN $minLat AND $maxLat AND longitude BETWEEN $minLon AND $maxLon;
            """, ReadSite, ("$minLat", minLatitude), ("$maxLat", maxLatitude), ("$minLon", minLongitude), ("$maxLon", maxLongitude));

    public Task<Locker?> GetLockerAsync(string lockerId) => db.QuerySingleAsync(
        "SELECT id, site_id, name, online FROM lockers WHERE id = $id;",
        r => new Locker(r.ReadString("id"), r.ReadString("site_id"), r.ReadString("name"), r.ReadBool("online")),
        ("$id", lockerId));

    public Task<Compartment?> GetCompartmentAsync(CompartmentRef compartment) => db.QuerySingleAsync(
        $"SELECT {CompartmentColumns} FROM compartments c WHERE c.locker_id = $locker AND c.number = $number;",
        ReadCompartment, ("$locker", compartment.LockerId), ("$number", compartment.Number));

    public Task<IReadOnlyList<Compartment>> ListCompartmentsAsync(string siteId) => db.QueryAsync(
        $"SELECT {CompartmentColumns} FROM compartments c JOIN lockers l ON l.id = c.locker_id " +
        "WHERE l.site_id = $site ORDER BY c.locker_id, c.number;",
        ReadCompartment, ("$site", siteId));

    public Task<Compartment?> FindFreeCompartmentAsync(string siteId, CompartmentSize minimumSize, bool accessible) =>
        db.QuerySingleAsync($"""
            SELECT {CompartmentColumns} FROM compartments c JOIN lockers l ON l.id = c.locker_id
            WHERE l.site_id = $site AND c.in_service = 1 AND c.size >= $size AND ($accessible = 0 OR c.accessible = 1)
              AND NOT EXISTS (SELECT 1 FROM compartment_holds h WHERE h.locker_id = c.locker_id AND h.number = c.number)
            ORDER BY c.size, c.accessible, l.online DESC, c.locker_id, c.number
            LIMIT 1;
            """, ReadCompartment, ("$site", siteId), ("$size", CompartmentSizeNumbers.ToNumber(minimumSize)), ("$accessible", accessible));

    public async Task<bool> TryHoldAsync(CompartmentRef compartment, string reservationId, HoldPurpose purpose = HoldPurpose.Parcel)
    {
        try
        {
            await db.ExecuteAsync(
                "INSERT INTO compartment_holds (locker_id, number, reservation_id, purpose) VALUES ($locker, $number, $reservation, $purpose);",
                ("$locker", compartment.LockerId), ("$number", compartment.Number), ("$reservation", reservationId),
                ("$purpose", purpose == HoldPurpose.Parcel ? "parcel" : "move_target"));
            return true;
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 19) // constraint: someone holds it
        {
            return false;
        }
    }

    public Task ReleaseHoldAsync(CompartmentRef compartment, string reservationId) => db.ExecuteAsync(
        "DELETE FROM compartment_holds WHERE locker_id = $locker AND number = $number AND reservation_id = $reservation;",
        ("$locker", compartment.LockerId), ("$number", compartment.Number), ("$reservation", reservationId));

    public Task PromoteMoveHoldAsync(CompartmentRef compartment, string reservationId) => db.ExecuteAsync(
        "UPDATE compartment_holds SET purpose = 'parcel' WHERE locker_id = $locker AND number = $number AND reservation_id = $reservation AND purpose = 'move_target';",
        ("$locker", compartment.LockerId), ("$number", compartment.Number), ("$reservation", reservationId));

    public async Task<bool> SetLockerOnlineAsync(string lockerId, bool online) =>
        await db.ExecuteAsync("UPDATE lockers SET online = $online WHERE id = $id AND online <> $online;",
            ("$id", lockerId), ("$online", online)) == 1;

    public async Task<bool> SetCompartmentInServiceAsync(CompartmentRef compartment, bool inService) =>
        await db.ExecuteAsync(
            "UPDATE compartments SET in_service = $value WHERE locker_id = $locker AND number = $number AND in_service <> $value;",
            ("$locker", compartment.LockerId), ("$number", compartment.Number), ("$value", inService)) == 1;

    private static Site ReadSite(SqliteDataReader r)
    {
        var latitude = r.IsDBNull(r.GetOrdinal("latitude")) ? (double?)null : r.GetDouble(r.GetOrdinal("latitude"));
        var longitude = r.IsDBNull(r.GetOrdinal("longitude")) ? (double?)null : r.GetDouble(r.GetOrdinal("longitude"));
        var opens = r.ReadNullableString("opens");
        var closes = r.ReadNullableString("closes");
        var notes = r.ReadNullableString("access_notes");
        return new Site(
            r.ReadString("id"), r.ReadString("name"), r.ReadNullableString("address"),
            latitude is { } lat && longitude is { } lon ? new GeoPoint(lat, lon) : null,
            opens is not null && closes is not null
                ? new OpeningHours(TimeOnly.ParseExact(opens, "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(closes, "HH:mm", CultureInfo.InvariantCulture))
                : null,
            notes is null ? null : JsonSerializer.Deserialize<Dictionary<string, string>>(notes),
            r.ReadString("locale"), r.ReadString("time_zone"));
    }

    private static Compartment ReadCompartment(SqliteDataReader r) => new(
        r.ReadString("locker_id"), (int)r.ReadLong("number"), CompartmentSizeNumbers.FromNumber(r.ReadLong("size")),
        (int)r.ReadLong("col"), (int)r.ReadLong("row"), r.ReadBool("accessible"), r.ReadBool("in_service"));
}
