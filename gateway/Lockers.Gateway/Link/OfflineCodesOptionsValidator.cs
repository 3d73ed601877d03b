using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Link;

public sealed class OfflineCodesOptionsValidator : OptionsValidator<OfflineCodesOptions>
{
    protected override void Check(OfflineCodesOptions o, OptionProblems problems)
    {
        problems.Range(nameof(o.EntryLifetimeHours), o.EntryLifetimeHours, 1, 168, " h");
        problems.Range(nameof(o.PushIntervalSeconds), o.PushIntervalSeconds, 1, 60, " s");
    }
}
