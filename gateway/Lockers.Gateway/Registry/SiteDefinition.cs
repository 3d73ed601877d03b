namespace Lockers.Gateway.Registry;

/// <summary>
/// A site definition file (gateway/Lockers.Gateway/README.md, "Site definition files"): the site, its controllers and their
/// compartments, listed inline or taken from a board file (docs/board-file.md).
/// </summary>
public sealed record SiteDefinitionFile(string? Id, string? Name, List<LockerDefinitionFile>? Lockers);

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
