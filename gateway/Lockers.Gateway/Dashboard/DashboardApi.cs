using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lockers.Gateway.Dashboard;

/// <summary>What the dashboard pages read: the fleet, one locker, alarms. Any signed-in staff member may read.</summary>
public static class DashboardApi
{
    private const int TelemetryPoints = 120;
    private const int AlarmRows = 50;
    private const int AuditRows = 50;

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard/api").RequireAuthorization(StaffPolicies.Viewer).ExcludeFromDescription();
        group.MapGet("/fleet", GetFleetAsync);
        group.MapGet("/lockers/{lockerId}", GetLockerAsync);
        group.MapGet("/alarms", GetAlarmsAsync);
        group.MapGet("/lockers/{lockerId}/commands/{commandId}", GetCommandAsync);
        return app;
    }

    /// <summary>A command's status: pending until the locker answers or its expiry passes (then failed: no answer from the locker).</summary>
    private static async Task<Results<Ok<Link.CommandStatusView>, NotFound>> GetCommandAsync(
        string lockerId, string commandId, RemoteOpenService doors, CancellationToken cancellationToken) =>
        await doors.GetStatusAsync(lockerId, commandId, cancellationToken) is { } status ? TypedResults.Ok(status) : TypedResults.NotFound();

    private static async Task<Ok<IReadOnlyList<FleetLockerView>>> GetFleetAsync(
        string? q, ILockerStore store, LockerHealthState health, CancellationToken cancellationToken)
    {
        var fleet = await store.ReadAsync(tx => tx.Monitoring.ListFleetAsync(), cancellationToken);
        var search = q?.Trim() ?? "";
        IReadOnlyList<FleetLockerView> views = fleet
            .Where(l => search.Length == 0 || new[] { l.SiteId, l.SiteName, l.LockerId, l.LockerName }
                .Any(text => text.Contains(search, StringComparison.OrdinalIgnoreCase)))
            .Select(l =>
            {
                var live = health.Find(l.LockerId);
                return new FleetLockerView(l.SiteId, l.SiteName, l.LockerId, l.LockerName, l.Online, l.Compartments, l.OpenAlarms,
                    l.WorstOpenSeverity?.ToString().ToLowerInvariant(), live?.LastContact, live?.Firmware);
            })
            .ToList();
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<LockerPageView>, NotFound>> GetLockerAsync(
        string lockerId, ILockerStore store, LockerHealthState health, CancellationToken cancellationToken)
    {
        var page = await store.ReadAsync(async tx =>
        {
            if (await tx.Registry.GetLockerAsync(lockerId) is not { } locker)
            {
                return null;
            }
            var site = await tx.Registry.GetSiteAsync(locker.SiteId);
            var live = health.Find(lockerId);
            var compartments = (await tx.Monitoring.ListCompartmentsAsync(lockerId))
                .Select(c => new CompartmentPageView(c.Number, c.Size, c.Column, c.Row, c.Accessible, c.InService, c.Occupancy,
                    live?.Doors.GetValueOrDefault(c.Number) ?? "unknown"))
                .ToList();
            var history = await tx.Monitoring.ListTelemetryAsync(lockerId, TelemetryPoints);
            var alarms = (await tx.Monitoring.ListAlarmsAsync(lockerId, openOnly: false, AlarmRows)).Select(a => AlarmView.From(a)).ToList();
            return new LockerPageView(locker.Id, locker.Name, locker.SiteId, site?.Name ?? locker.SiteId, locker.Online,
                live?.LastContact, live?.Firmware, compartments, live?.Telemetry ?? history.LastOrDefault(), history, alarms,
                await tx.Monitoring.ListAuditAsync(lockerId, AuditRows));
        }, cancellationToken);
        return page is null ? TypedResults.NotFound() : TypedResults.Ok(page);
    }

    private static async Task<Ok<IReadOnlyList<AlarmView>>> GetAlarmsAsync(
        bool? open, ILockerStore store, CancellationToken cancellationToken)
    {
        var alarms = await store.ReadAsync(tx => tx.Monitoring.ListAlarmsAsync(null, open ?? true, 200), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AlarmView>>(alarms.Select(a => AlarmView.From(a)).ToList());
    }
}
