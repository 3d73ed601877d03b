using System.Net;
using System.Text.Json;
using Lockers.Core.Protocol;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Webhooks;
using Lockers.Gateway.Tests.Infrastructure;

namespace Lockers.Gateway.Tests.Monitoring;

public sealed class MetricsAndWebhookTests
{
    [Fact]
    public async Task Metrics_AfterForcedDoor_ExposesPrometheusFamilies()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        await gateway.BringOnlineAsync();
        await gateway.Health.OnDoorEventAsync("test-a", 2, DoorStates.Forced, gateway.Time.GetUtcNow());

        // No sign-in, but the scrape token (ADR 0112).
        using var response = await gateway.CreateScrapeClient().GetAsync("/metrics");
        var page = PrometheusPage.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("gauge", page.Types["lockers_online"]);
        Assert.Equal(2, page["lockers_online"]);
        Assert.Equal(1, page["lockers_doors_open"]);
        Assert.Equal(1, page["lockers_alarms_open{kind=\"door_forced\"}"]);
        Assert.Equal(0, page["lockers_alarms_open{kind=\"locker_offline\"}"]);
        Assert.Equal(1, page["lockers_alarms_raised_total{kind=\"door_forced\"}"]);
        Assert.Equal(0, page["lockers_alarms_raised_total{kind=\"door_jammed\"}"]);
        Assert.Equal(0, page["lockers_mqtt_messages_in_total"]); // no link running in this test
        Assert.True(page["lockers_store_seconds_count"] >= 1, "the scrape's own store read is timed");
        Assert.Equal(0, page["lockers_pickups_total"]);
    }

    /// <summary>
    /// Every family the hand-written Prometheus writer exported (before ADR 0015), with its type: dashboards and alert
    /// rules written against those names keep working with OpenTelemetry's exporter.
    /// </summary>
    public static TheoryData<string, string> FamiliesBeforeOpenTelemetry => new()
    {
        { "lockers_online", "gauge" },
        { "lockers_known", "gauge" },
        { "lockers_doors_open", "gauge" },
        { "lockers_alarms_open", "gauge" },
        { "lockers_alarms_raised_total", "counter" },
        { "lockers_deposits_total", "counter" },
        { "lockers_pickups_total", "counter" },
        { "lockers_code_failures_total", "counter" },
        { "lockers_unlock_round_trip_seconds", "histogram" },
        { "lockers_mqtt_messages_in_total", "counter" },
        { "lockers_mqtt_messages_out_total", "counter" },
        { "lockers_link_group_commits_total", "counter" },
        { "lockers_link_grouped_messages_total", "counter" },
        { "lockers_link_groups_redone_total", "counter" },
        { "lockers_store_seconds", "histogram" },
    };

    [Theory]
    [MemberData(nameof(FamiliesBeforeOpenTelemetry))]
    public async Task Metrics_FamilyExportedBeforeOpenTelemetry_IsStillExportedWithItsType(string family, string type)
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        // A histogram family appears with its first observation (operations.md): one unlock round trip.
        var stopwatch = gateway.Service<UnlockStopwatch>();
        stopwatch.Started("test-a", 1, gateway.Time.GetUtcNow());
        stopwatch.Opened("test-a", 1, gateway.Time.GetUtcNow().AddMilliseconds(300));

        var page = await ScrapeAsync(gateway);

        Assert.True(page.Types.TryGetValue(family, out var exported), $"{family} is no longer on /metrics");
        Assert.Equal(type, exported);
        Assert.Contains(page.Samples.Keys, series => series == family || series.StartsWith(family + "{", StringComparison.Ordinal)
            || series.StartsWith(family + "_count", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Metrics_UnlockRoundTrips_AreCountedInCumulativeBuckets()
    {
        await using var gateway = await MonitoringGateway.StartAsync();
        var stopwatch = gateway.Service<UnlockStopwatch>();
        var sent = gateway.Time.GetUtcNow();
        foreach (var (compartment, latency) in new[] { (1, 0.05), (2, 0.5), (3, 5.0) })
        {
            stopwatch.Started("test-a", compartment, sent);
            stopwatch.Opened("test-a", compartment, sent.AddSeconds(latency));
        }

        var page = await ScrapeAsync(gateway);

        // Upper bounds are inclusive (le): 0.05 s falls in the 0.05 bucket.
        Assert.Equal(1, page["lockers_unlock_round_trip_seconds_bucket{le=\"0.05\"}"]);
        Assert.Equal(1, page["lockers_unlock_round_trip_seconds_bucket{le=\"0.25\"}"]);
        Assert.Equal(2, page["lockers_unlock_round_trip_seconds_bucket{le=\"0.5\"}"]);
        Assert.Equal(3, page["lockers_unlock_round_trip_seconds_bucket{le=\"5\"}"]);
        Assert.Equal(3, page["lockers_unlock_round_trip_seconds_bucket{le=\"+Inf\"}"]);
        Assert.Equal(3, page["lockers_unlock_round_trip_seconds_count"]);
        Assert.Equal(5.55, page["lockers_unlock_round_trip_seconds_sum"], 6);
    }

    [Fact]
    public async Task Metrics_TwoGatewaysInOneProcess_EachExportsOnlyItsOwnFigures()
    {
        await using var forced = await MonitoringGateway.StartAsync();
        await using var quiet = await MonitoringGateway.StartAsync();
        await forced.BringOnlineAsync();
        await forced.Health.OnDoorEventAsync("test-a", 2, DoorStates.Forced, forced.Time.GetUtcNow());
        var stopwatch = forced.Service<UnlockStopwatch>();
        stopwatch.Started("test-a", 1, forced.Time.GetUtcNow());
        stopwatch.Opened("test-a", 1, forced.Time.GetUtcNow().AddSeconds(1));

        var page = await ScrapeAsync(quiet);

        Assert.Equal(0, page["lockers_alarms_raised_total{kind=\"door_forced\"}"]);
        Assert.Equal(0, page["lockers_doors_open"]);
        Assert.DoesNotContain("lockers_unlock_round_trip_seconds", page.Types.Keys);
        Assert.Equal(1, (await ScrapeAsync(forced))["lockers_unlock_round_trip_seconds_count"]);
    }

    private static async Task<PrometheusPage> ScrapeAsync(MonitoringGateway gateway) =>
        PrometheusPage.Parse(await gateway.CreateScrapeClient().GetStringAsync("/metrics"));

    private const string AlarmSecret = "alarm-webhook-test-secret-0123456789abcdef";

    [Fact]
    public async Task AlarmWebhook_RaisedAlarm_IsPostedSignedWithItsLifecycleStep()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var gateway = await MonitoringGateway.StartAsync(new Dictionary<string, string?>
        {
            ["Monitoring:AlarmWebhookUrl"] = receiver.Url,
            ["Monitoring:AlarmWebhookSecret"] = AlarmSecret,
        });
        await gateway.BringOnlineAsync();

        await gateway.Health.OnDoorEventAsync("test-a", 4, DoorStates.Jammed, gateway.Time.GetUtcNow());

        var delivery = await receiver.NextAsync(TimeSpan.FromSeconds(20));
        Assert.True(WebhookSigner.Verify(AlarmSecret, delivery.Signature!, delivery.Body), "the alarm webhook's signature does not verify");
        Assert.Equal("alarm.raised", delivery.EventType);
        using var body = JsonDocument.Parse(delivery.Body);
        Assert.Equal("alarm.raised", body.RootElement.GetProperty("type").GetString());
        var alarm = body.RootElement.GetProperty("alarm");
        Assert.Equal(("door_jammed", "major", 4), (alarm.GetProperty("kind").GetString(), alarm.GetProperty("severity").GetString(),
            alarm.GetProperty("compartment").GetInt32()));
    }
}
