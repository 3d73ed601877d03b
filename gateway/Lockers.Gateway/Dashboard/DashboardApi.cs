using Lockers.Gateway.Audit;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Staff;
using Lockers.Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Lockers.Gateway.Dashboard;

/// <summary>What the dashboard pages read: the fleet, one locker, alarms, the audit trail, a search. Any signed-in staff member may read.</summary>
public static class DashboardApi
{
    private const int TelemetryPoints = 120;
    private const int AlarmRows = 50;
    private const int AuditRows = 50;
    private const int CommandRows = 10;
    private const int SearchRows = 20;

    public static IEndpointRouteBuilder MapDashboardApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/dashboard/api").RequireAuthorization(StaffPolicies.Viewer).ExcludeFromDescription();
        group.MapGet("/fleet", GetFleetAsync);
        group.MapGet("/search", SearchAsync);
        group.MapGet("/lockers/{lockerId}", GetLockerAsync);
        group.MapGet("/lockers/{lockerId}/audit", GetAuditAsync);
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

    /// <summary>Parcels whose reference is or starts with <paramref name="q"/>, or whose reservation id it is (the fleet page adds lockers itself).</summary>
    private static async Task<Ok<IReadOnlyList<ParcelSearchView>>> SearchAsync(string? q, ILockerStore store, CancellationToken cancellationToken)
    {
        var text = q?.Trim() ?? "";
        if (text.Length < 2)
        {
            return TypedResults.Ok<IReadOnlyList<ParcelSearchView>>([]);
        }
        var found = await store.ReadAsync(async tx =>
        {
            var views = new List<ParcelSearchView>();
            foreach (var r in await tx.Reservations.SearchAsync(text, SearchRows))
            {
                var locker = r.Compartment is { } at ? await tx.Registry.GetLockerAsync(at.LockerId) : null;
                views.Add(new ParcelSearchView(r.Id, r.ParcelReference, r.Status.ToWire(), r.SiteId, r.Compartment?.LockerId, locker?.Name,
                    r.Compartment?.Number));
            }
            return views;
        }, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<ParcelSearchView>>(found);
    }

    /// <summary>An alarm as the page shows it: its detail in the staff member's language (stored and sent in English).</summary>
    internal static AlarmView Alarm(MonitoredAlarm alarm, PageTexts texts) =>
        AlarmView.From(alarm) with { Detail = AlarmDetails.Read(alarm.Detail, texts) };

    private static async Task<Results<Ok<LockerPageView>, NotFound>> GetLockerAsync(
        string lockerId, ILockerStore store, LockerHealthState health, TimeProvider time, HttpContext context, CancellationToken cancellationToken)
    {
        var texts = DashboardTexts.For(context);
        var page = await store.ReadAsync(async tx =>
        {
            if (await tx.Registry.GetLockerAsync(lockerId) is not { } locker)
            {
                return null;
            }
            var site = await tx.Registry.GetSiteAsync(locker.SiteId);
            var live = health.Find(lockerId);
            // Door states from the store, where the door event service keeps them: right after a restart and on any gateway.
            var doors = (await tx.LockerEvents.ListDoorStatesAsync(lockerId)).ToDictionary(d => d.Compartment);
            var parcels = (await tx.Reservations.ListHoldingAsync(lockerId, null))
                .Where(r => r.Compartment?.LockerId == lockerId)
                .ToDictionary(r => r.Compartment!.Value.Number);
            var compartments = new List<CompartmentPageView>();
            foreach (var c in await tx.Monitoring.ListCompartmentsAsync(lockerId))
            {
                var parcel = parcels.TryGetValue(c.Number, out var held) ? ParcelPageView.From(held)
                    : c is { Occupancy: "move_target", ReservationId: { } moving } && await tx.Reservations.GetAsync(moving) is { } incoming
                        ? ParcelPageView.From(incoming, movingHere: true)
                        : null;
                var door = doors.GetValueOrDefault(c.Number);
                compartments.Add(new CompartmentPageView(c.Number, c.Size, c.Column, c.Row, c.Accessible, c.InService, c.Occupancy,
                    door?.State ?? "unknown", parcel) { DoorReportedAt = door?.ReportedAt });
            }
            var history = await tx.Monitoring.ListTelemetryAsync(lockerId, TelemetryPoints);
            var alarms = (await tx.Monitoring.ListAlarmsAsync(lockerId, openOnly: false, AlarmRows)).Select(a => Alarm(a, texts)).ToList();
            var audit = await AuditLinesAsync(tx, lockerId, null, texts);
            var now = time.GetStoreNow();
            var commands = (await tx.LockerLink.ListCommandsAsync(lockerId, CommandRows)).Select(c => CommandPageView.From(c, now)).ToList();
            return new LockerPageView(locker.Id, locker.Name, locker.SiteId, site?.Name ?? locker.SiteId, locker.Online,
                live?.LastContact, live?.Firmware, compartments, live?.Telemetry ?? history.LastOrDefault(), history, alarms,
                audit, commands, AuditWords.CategoriesIn(texts), AuditWords.WhoIn(texts));
        }, cancellationToken);
        return page is null ? TypedResults.NotFound() : TypedResults.Ok(page);
    }

    /// <summary>The locker's audit trail in staff's words, narrowed by what happened (category), who did it, and the door.</summary>
    private static async Task<Ok<IReadOnlyList<AuditLineView>>> GetAuditAsync(
        string lockerId, string? category, string? who, int? compartment, ILockerStore store, HttpContext context, CancellationToken cancellationToken) =>
        TypedResults.Ok(await store.ReadAsync(tx => AuditLinesAsync(tx, lockerId, AuditWords.Filter(category, who, compartment), DashboardTexts.For(context)),
            cancellationToken));

    private static async Task<IReadOnlyList<AuditLineView>> AuditLinesAsync(IStoreTransaction tx, string lockerId, AuditFilter? filter, PageTexts texts)
    {
        var entries = await tx.Monitoring.ListAuditAsync(lockerId, AuditRows, filter);
        var clients = new Dictionary<string, string?>();
        foreach (var id in entries.Select(e => e.Actor).Where(a => a.StartsWith("client:", StringComparison.Ordinal)).Select(a => a["client:".Length..]).Distinct())
        {
            clients[id] = (await tx.Clients.GetClientAsync(id))?.Name;
        }
        return entries.Select(e => AuditLineView.From(e, id => clients.GetValueOrDefault(id), texts)).ToList();
    }

    private static async Task<Ok<IReadOnlyList<AlarmView>>> GetAlarmsAsync(
        bool? open, ILockerStore store, HttpContext context, CancellationToken cancellationToken)
    {
        var alarms = await store.ReadAsync(tx => tx.Monitoring.ListAlarmsAsync(null, open ?? true, 200), cancellationToken);
        var texts = DashboardTexts.For(context);
        return TypedResults.Ok<IReadOnlyList<AlarmView>>(alarms.Select(a => Alarm(a, texts)).ToList());
    }
}
