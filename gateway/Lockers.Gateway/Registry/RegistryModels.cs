using Lockers.Core.Board;

namespace Lockers.Gateway.Registry;

/// <summary>
/// A place with one to four locker controllers, and what a recipient needs to find it: the address, where it is on a map
/// (also how near other sites are), its opening hours (null: always open), notes on how to reach the lockers (by language),
/// the locale its people read (ja-JP: the pages and the locker display default to Japanese) and its time zone (the local
/// hours and "today" of a courier's manifest).
/// </summary>
public sealed record Site(
    string Id, string Name, string? Address = null, GeoPoint? Location = null, OpeningHours? Hours = null,
    IReadOnlyDictionary<string, string>? AccessNotes = null, string Locale = "en", string TimeZone = "UTC")
{
    /// <summary>The language of the site's locale (en, ja, zh): the default of its pages and its lockers' display.</summary>
    public string Language => Localization.Languages.FromTag(Locale) ?? Localization.Languages.English;

    /// <summary>The access note in <paramref name="language"/>, else in the site's language, else any.</summary>
    public string? AccessNoteIn(string language) =>
        AccessNotes is null or { Count: 0 } ? null
        : AccessNotes.TryGetValue(language, out var note) ? note
        : AccessNotes.TryGetValue(Language, out var local) ? local
        : AccessNotes.Values.First();

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(TimeZone);
}

/// <summary>A point on the earth in degrees (WGS 84, as maps use).</summary>
public sealed record GeoPoint(double Latitude, double Longitude)
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Great-circle distance (haversine), in kilometres.</summary>
    public double DistanceKm(GeoPoint other)
    {
        static double Radians(double degrees) => degrees * Math.PI / 180;
        var dLat = Radians(other.Latitude - Latitude);
        var dLon = Radians(other.Longitude - Longitude);
        var a = Math.Pow(Math.Sin(dLat / 2), 2) + Math.Cos(Radians(Latitude)) * Math.Cos(Radians(other.Latitude)) * Math.Pow(Math.Sin(dLon / 2), 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}

/// <summary>Daily opening hours in the site's time zone; <see cref="Closes"/> before <see cref="Opens"/> means past midnight.</summary>
public sealed record OpeningHours(TimeOnly Opens, TimeOnly Closes);

/// <summary>One locker controller; <see cref="Online"/> follows its MQTT birth/last-will status.</summary>
public sealed record Locker(string Id, string SiteId, string Name, bool Online = true);

/// <summary>One door of a controller. Column/row give its place in the cabinet, row 0 at the bottom.</summary>
public sealed record Compartment(
    string LockerId, int Number, CompartmentSize Size, int Column, int Row, bool Accessible, bool InService = true)
{
    public CompartmentRef Ref => new(LockerId, Number);
}

/// <summary>Identifies a compartment: the controller and its door number.</summary>
public readonly record struct CompartmentRef(string LockerId, int Number)
{
    public override string ToString() => $"{LockerId}/{Number}";
}

/// <summary>
/// Why a compartment is held: for the parcel booked into it, or as the target of a guided parcel move (the parcel is
/// still in its old door until staff close the target door on it). One reservation holds at most one door of each kind.
/// </summary>
public enum HoldPurpose
{
    Parcel,
    MoveTarget,
}
