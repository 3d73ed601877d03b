using System.Diagnostics.Metrics;
using Lockers.Core.Protocol;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// The /metrics figures read when Prometheus scrapes, as observable instruments of the "Lockers.Gateway" meter: the
/// store's totals (right after a restart and the same on every gateway), the doors this gateway last heard about, and
/// the locker link's traffic (zero while the link is disabled). <see cref="RefreshAsync"/> reads the store once per
/// scrape, before the exporter collects (an instrument's callback cannot await).
/// </summary>
public sealed class ScrapeTimeMetrics
{
    private readonly LockerHealthState _health;
    private readonly ILinkTraffic _link;
    private volatile StoreFigures _store = new(new ActivityTotals(0, 0, 0, 0, 0), new Dictionary<string, long>());

    public ScrapeTimeMetrics(IMeterFactory meters, LockerHealthState health, ILinkTraffic link)
    {
        _health = health;
        _link = link;
        var meter = meters.Create(GatewayMetrics.MeterName);
        meter.CreateObservableGauge("lockers_online", () => _store.Totals.LockersOnline, description: "Lockers whose status is online.");
        meter.CreateObservableGauge("lockers_known", () => _store.Totals.Lockers, description: "Lockers in the registry.");
        meter.CreateObservableGauge("lockers_doors_open", DoorsOpen,
            description: "Doors last reported open (opened, forced or left open) to this gateway.");
        meter.CreateObservableGauge("lockers_alarms_open", OpenAlarms, description: "Open (not cleared) alarms by kind.");
        meter.CreateObservableCounter("lockers_deposits_total", () => _store.Totals.Deposits, description: "Parcels deposited.");
        meter.CreateObservableCounter("lockers_pickups_total", () => _store.Totals.Pickups, description: "Parcels picked up.");
        meter.CreateObservableCounter("lockers_code_failures_total", () => _store.Totals.CodeFailures,
            description: "Codes rejected at a keypad or scanner.");
        meter.CreateObservableCounter("lockers_mqtt_messages_in_total", () => Link(c => c.Received),
            description: "MQTT messages received from lockers.");
        meter.CreateObservableCounter("lockers_mqtt_messages_out_total", () => Link(c => c.CommandsSent),
            description: "Signed commands published to lockers.");
        meter.CreateObservableCounter("lockers_link_group_commits_total", () => Link(c => c.Groups),
            description: "Group commits of several locker messages by the link (ADR 0202).");
        meter.CreateObservableCounter("lockers_link_grouped_messages_total", () => Link(c => c.GroupedMessages),
            description: "Locker messages applied in those group commits.");
        meter.CreateObservableCounter("lockers_link_groups_redone_total", () => Link(c => c.GroupsRedone),
            description: "Groups rolled back for one failing message, then applied one by one.");
        meter.CreateObservableCounter("lockers_link_claims_refused_total", () => Link(c => c.RefusedClaims),
            description: "Code entries from readers a locker was not provisioned with, and messages with invalid text (ADR 0109).");
    }

    /// <summary>Reads the store's figures: one unit of work per scrape.</summary>
    public async Task RefreshAsync(ILockerStore store, CancellationToken cancellationToken)
    {
        var (totals, openAlarms) = await store.ReadAsync(async tx =>
            (await tx.Monitoring.CountActivityAsync(), await tx.Monitoring.CountOpenAlarmsByKindAsync()), cancellationToken);
        _store = new StoreFigures(totals, openAlarms);
    }

    private long DoorsOpen() => _health.All().Sum(locker => locker.Doors.Values.Count(IsOpen));

    private IEnumerable<Measurement<long>> OpenAlarms()
    {
        var open = _store.OpenAlarms;
        return AlarmKinds.All.Select(kind => new Measurement<long>(open.GetValueOrDefault(kind), new KeyValuePair<string, object?>("kind", kind)));
    }

    private long Link(Func<ILinkTraffic, long> read) => read(_link);

    private static bool IsOpen(string doorState) => doorState is DoorStates.Opened or DoorStates.Forced or DoorStates.LeftOpen;

    private sealed record StoreFigures(ActivityTotals Totals, IReadOnlyDictionary<string, long> OpenAlarms);
}
