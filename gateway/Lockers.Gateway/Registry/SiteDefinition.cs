namespace Lockers.Gateway.Registry;

/// <summary>
/// A site definition file (gateway/Lockers.Gateway/README.md, "Site definition files"): the site, its controllers and their
/// compartments, listed inline or taken from a board file (docs/board-file.md).
/// </summary>
public sealed record SiteDefinitionFile(
    string? Id, string? Name, List<LockerDefinitionFile>? Lockers, string? Address = null, LocationFile? Location = null,
    HoursFile? Hours = null, Dictionary<string, string>? AccessNotes = null, string? Locale = null, string? TimeZone = null);

/// <summary>"location": { "latitude": 35.6812, "longitude": 139.7671 }.</summary>
public sealed record LocationFile(double? Latitude, double? Longitude);

/// <summary>"hours": { "opens": "07:00", "closes": "23:00" }; no hours: always open.</summary>
public sealed record HoursFile(string? Opens, string? Closes);

public sealed record LockerDefinitionFile(string? Id, string? Name, string? Board, List<CompartmentDefinitionFile>? Compartments);

public sealed record CompartmentDefinitionFile(int? Number, string? Size, int? Column, int? Row, bool? Accessible);

/// <summary>A checked definition, ready to import.</summary>
public sealed record SiteDefinition(Site Site, IReadOnlyList<Locker> Lockers, IReadOnlyList<Compartment> Compartments);

/// <summary>The file was refused; <see cref="Errors"/> names every problem with its place.</summary>
public sealed class SiteDefinitionException(IReadOnlyList<string> errors)
    : Exception("The site definition is invalid:\n  " + string.Join("\n  ", errors))
{
    public IReadOnlyList<string> Errors { get; } = errors;
}
