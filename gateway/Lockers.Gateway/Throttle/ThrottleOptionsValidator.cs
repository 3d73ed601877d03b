using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Throttle;

public sealed class ThrottleOptionsValidator : OptionsValidator<ThrottleOptions>
{
    protected override void Check(ThrottleOptions o, OptionProblems problems)
    {
        problems.Require(o.DelaysSeconds.Length > 0, nameof(o.DelaysSeconds), "needs at least one value.");
        problems.Require(o.DelaysSeconds.All(d => d is >= 0 and <= 86_400), nameof(o.DelaysSeconds),
            $"values must be between 0 and 86400 seconds (are {string.Join(", ", o.DelaysSeconds)}).");
        problems.Range(nameof(o.SiteFailureBudget), o.SiteFailureBudget, 1, 100_000);
        problems.Range(nameof(o.SiteBudgetWindowHours), o.SiteBudgetWindowHours, 1, 720, " hours");
    }
}
