using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Webhooks;

public sealed class WebhooksOptionsValidator : OptionsValidator<WebhooksOptions>
{
    protected override void Check(WebhooksOptions o, OptionProblems problems)
    {
        problems.Range(nameof(o.PollIntervalSeconds), o.PollIntervalSeconds, 1, 3600, " s");
        problems.Range(nameof(o.TimeoutSeconds), o.TimeoutSeconds, 1, 120, " s");
        problems.Range(nameof(o.MaxAttempts), o.MaxAttempts, 1, 100);
        problems.Range(nameof(o.InitialBackoffSeconds), o.InitialBackoffSeconds, 1, 86_400, " s");
        problems.Range(nameof(o.MaxBackoffSeconds), o.MaxBackoffSeconds, 1, 86_400, " s");
        problems.Range(nameof(o.BatchSize), o.BatchSize, 1, 1000);
    }
}
