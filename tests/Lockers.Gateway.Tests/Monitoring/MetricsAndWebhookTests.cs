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

        using var response = await gateway.CreateClient().GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("# TYPE lockers_online gauge\nlockers_online 2\n", text);
        Assert.Contains("lockers_doors_open 1\n", text);
        Assert.Contains("lockers_alarms_open{kind=\"door_forced\"} 1\n", text);
        Assert.Contains("lockers_alarms_open{kind=\"locker_offline\"} 0\n", text);
        Assert.Contains("lockers_alarms_raised_total{kind=\"door_forced\"} 1\n", text);
        Assert.Contains("lockers_mqtt_messages_in_total 0\n", text); // no link running in this test
        Assert.Contains("# TYPE lockers_unlock_round_trip_seconds histogram\n", text);
        Assert.Contains("lockers_unlock_round_trip_seconds_bucket{le=\"+Inf\"} 0\n", text);
        Assert.Matches(@"lockers_store_seconds_count [1-9]\d*\n", text);
        Assert.Contains("lockers_pickups_total 0\n", text);
    }

    [Fact]
    public void Histogram_Observations_AreCumulativeByBound()
    {
        var histogram = new GatewayMetrics.Histogram([0.1, 1]);
        histogram.Observe(TimeSpan.FromMilliseconds(50));
        histogram.Observe(TimeSpan.FromMilliseconds(500));
        histogram.Observe(TimeSpan.FromSeconds(5));

        Assert.Equal([1L, 2L, 3L], histogram.CumulativeCounts());
        Assert.Equal(5.55, histogram.Sum, 6);
    }

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
