namespace Lockers.Gateway.Monitoring;

/// <summary>One locker in the fleet overview, with its open alarms counted.</summary>
public sealed record FleetLocker(
    string SiteId, string SiteName, string LockerId, string LockerName, bool Online, int Compartments,
    int OpenAlarms, AlarmSeverity? WorstOpenSeverity);

/// <summary>
/// A compartment as drawn on the locker page. <see cref="Occupancy"/>: empty, reserved (booked, no parcel yet),
/// parcel (inside, waiting for pickup or return), move_target (held for a parcel staff are moving here).
/// </summary>
public sealed record CompartmentView(
    int Number, string Size, int Column, int Row, bool Accessible, bool InService, string Occupancy, string? ReservationId);

/// <summary>Totals since the store was created, for the metrics endpoint; they survive restarts and add up across gateways.</summary>
public sealed record ActivityTotals(long Deposits, long Pickups, long CodeFailures, long LockersOnline, long Lockers);
