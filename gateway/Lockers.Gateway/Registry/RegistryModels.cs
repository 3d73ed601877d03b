using Lockers.Core.Board;

namespace Lockers.Gateway.Registry;

/// <summary>A place with one to four locker controllers.</summary>
public sealed record Site(string Id, string Name);

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
