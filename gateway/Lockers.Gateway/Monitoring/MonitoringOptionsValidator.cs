using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Monitoring;

public sealed class MonitoringOptionsValidator : OptionsValidator<MonitoringOptions>
{
    protected override void Check(MonitoringOptions o, OptionProblems problems)
    {
        problems.Range(nameof(o.HeartbeatIntervalSeconds), o.HeartbeatIntervalSeconds, 5, 3600, " s");
        problems.Range(nameof(o.MissedHeartbeatsForOffline), o.MissedHeartbeatsForOffline, 2, 100);
        problems.Range(nameof(o.SupplyMinMv), o.SupplyMinMv, 0, 60_000, " mV");
        problems.Range(nameof(o.SupplyMaxMv), o.SupplyMaxMv, 0, 60_000, " mV");
        problems.Require(o.SupplyMinMv < o.SupplyMaxMv, nameof(o.SupplyMinMv), $"must be below {problems.Key(nameof(o.SupplyMaxMv))}.");
        problems.Range(nameof(o.TemperatureMinC), o.TemperatureMinC, -60, 150, " °C");
        problems.Range(nameof(o.TemperatureMaxC), o.TemperatureMaxC, -60, 150, " °C");
        problems.Require(o.TemperatureMinC < o.TemperatureMaxC, nameof(o.TemperatureMinC), $"must be below {problems.Key(nameof(o.TemperatureMaxC))}.");
        problems.Range(nameof(o.EventAlarmQuietMinutes), o.EventAlarmQuietMinutes, 1, 10_080, " minutes");
        problems.Range(nameof(o.TakeoverConnections), o.TakeoverConnections, 2, 1000);
        problems.Range(nameof(o.TakeoverWindowMinutes), o.TakeoverWindowMinutes, 1, 1440, " minutes");
        problems.Range(nameof(o.EvaluationIntervalSeconds), o.EvaluationIntervalSeconds, 1, 3600, " s");
        problems.HttpUrl(nameof(o.AlarmWebhookUrl), o.AlarmWebhookUrl, required: false);
        problems.Require(string.IsNullOrWhiteSpace(o.AlarmWebhookUrl) || (o.AlarmWebhookSecret?.Length ?? 0) >= 32, nameof(o.AlarmWebhookSecret),
            $"(at least 32 characters) is required with {problems.Key(nameof(o.AlarmWebhookUrl))}: alarm webhooks are signed.");
        problems.Range(nameof(o.AlarmWebhookTimeoutSeconds), o.AlarmWebhookTimeoutSeconds, 1, 120, " s");
        problems.Range(nameof(o.TelemetryRetentionHours), o.TelemetryRetentionHours, 1, 24 * 90, " hours");
    }
}
