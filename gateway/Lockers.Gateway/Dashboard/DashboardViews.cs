using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;

namespace Lockers.Gateway.Dashboard;

/// <summary>A locker in the fleet list, with what this gateway knows live (last contact, firmware).</summary>
public sealed record FleetLockerView(
    string SiteId, string SiteName, string LockerId, string LockerName, bool Online, int Compartments, int OpenAlarms,
    string? WorstSeverity, DateTimeOffset? LastContact, string? Firmware);

/// <summary>A compartment on the locker page: registry data, occupancy and the last reported door state.</summary>
public sealed record CompartmentPageView(
    int Number, string Size, int Column, int Row, bool Accessible, bool InService, string Occupancy, string Door);

/// <summary>Everything the locker page draws on first load; later changes arrive over the live feed.</summary>
public sealed record LockerPageView(
    string LockerId, string LockerName, string SiteId, string SiteName, bool Online, DateTimeOffset? LastContact, string? Firmware,
    IReadOnlyList<CompartmentPageView> Compartments, TelemetrySample? Telemetry, IReadOnlyList<TelemetrySample> TelemetryHistory,
    IReadOnlyList<AlarmView> Alarms, IReadOnlyList<AuditEntry> Audit);
