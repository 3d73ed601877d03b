using Lockers.Core.Protocol;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Monitoring;

/// <summary>GET /metrics in the Prometheus text format. Unauthenticated, like /health: bind it to an internal network.</summary>
public static class MetricsApi
{
    public static IEndpointRouteBuilder MapMetricsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/metrics", RenderAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> RenderAsync(
        ILockerStore store, GatewayMetrics metrics, LockerHealthState health, ILinkTraffic link, CancellationToken cancellationToken)
    {
        var (totals, openAlarms) = await store.ReadAsync(async tx =>
            (await tx.Monitoring.CountActivityAsync(), await tx.Monitoring.CountOpenAlarmsByKindAsync()), cancellationToken);
        var doorsOpen = health.All().Sum(locker => locker.Doors.Values.Count(IsOpen));
        var text = new PrometheusText()
            .Gauge("lockers_online", "Lockers whose status is online.", totals.LockersOnline)
            .Gauge("lockers_known", "Lockers in the registry.", totals.Lockers)
            .Gauge("lockers_doors_open", "Doors last reported open (opened, forced or left open) to this gateway.", doorsOpen)
            .Labelled("lockers_alarms_open", "Open (not cleared) alarms by kind.", "gauge", "kind",
                AlarmKinds.All.Select(kind => KeyValuePair.Create(kind, openAlarms.GetValueOrDefault(kind))))
            .Labelled("lockers_alarms_raised_total", "Alarms raised by this gateway since it started, by kind.", "counter", "kind",
                metrics.AlarmsRaised)
            .Counter("lockers_deposits_total", "Parcels deposited.", totals.Deposits)
            .Counter("lockers_pickups_total", "Parcels picked up.", totals.Pickups)
            .Counter("lockers_code_failures_total", "Codes rejected at a keypad or scanner.", totals.CodeFailures)
            .Histogram("lockers_unlock_round_trip_seconds", "Signed unlock sent until the door reported opened.", metrics.UnlockRoundTrip)
            .Counter("lockers_mqtt_messages_in_total", "MQTT messages received from lockers.", link.Received)
            .Counter("lockers_mqtt_messages_out_total", "Signed commands published to lockers.", link.CommandsSent)
            .Counter("lockers_link_group_commits_total", "Group commits of several locker messages by the link (ADR 0202).", link.Groups)
            .Counter("lockers_link_grouped_messages_total", "Locker messages applied in those group commits.", link.GroupedMessages)
            .Counter("lockers_link_groups_redone_total", "Groups rolled back for one failing message, then applied one by one.", link.GroupsRedone)
            .Histogram("lockers_store_seconds", "Duration of one store unit of work.", metrics.StoreLatency);
        return TypedResults.Text(text.ToString(), PrometheusText.ContentType);
    }

    private static bool IsOpen(string doorState) => doorState is DoorStates.Opened or DoorStates.Forced or DoorStates.LeftOpen;
}
