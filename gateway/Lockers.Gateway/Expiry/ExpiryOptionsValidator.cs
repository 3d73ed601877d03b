using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Expiry;

public sealed class ExpiryOptionsValidator : OptionsValidator<ExpiryOptions>
{
    protected override void Check(ExpiryOptions o, OptionProblems problems)
    {
        problems.Range(nameof(o.ScanIntervalSeconds), o.ScanIntervalSeconds, 1, 3600, " s");
        problems.Range(nameof(o.BatchSize), o.BatchSize, 1, 10_000);
    }
}
