using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Monitoring;

/// <summary>The rules data annotations cannot express: ranges the right way round, a usable webhook URL.</summary>
public sealed class MonitoringOptionsValidator : IValidateOptions<MonitoringOptions>
{
    public ValidateOptionsResult Validate(string? name, MonitoringOptions options)
    {
        var failures = new List<string>();
        if (options.SupplyMinMv >= options.SupplyMaxMv)
        {
            failures.Add("Monitoring:SupplyMinMv must be below Monitoring:SupplyMaxMv.");
        }
        if (options.TemperatureMinC >= options.TemperatureMaxC)
        {
            failures.Add("Monitoring:TemperatureMinC must be below Monitoring:TemperatureMaxC.");
        }
        if (!string.IsNullOrWhiteSpace(options.AlarmWebhookUrl)
            && !(Uri.TryCreate(options.AlarmWebhookUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
        {
            failures.Add("Monitoring:AlarmWebhookUrl must be an absolute http(s) URL, or empty.");
        }
        if (!string.IsNullOrWhiteSpace(options.AlarmWebhookUrl) && (options.AlarmWebhookSecret?.Length ?? 0) < 32)
        {
            failures.Add("Monitoring:AlarmWebhookSecret (at least 32 characters) is required with Monitoring:AlarmWebhookUrl: alarm webhooks are signed.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
