using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Staff;

public sealed class StaffOptionsValidator : OptionsValidator<StaffOptions>
{
    protected override void Check(StaffOptions o, OptionProblems problems)
    {
        problems.Range(nameof(o.SessionMinutes), o.SessionMinutes, 1, 24 * 60, " minutes");
        problems.Range(nameof(o.PasswordIterations), o.PasswordIterations, 100_000, 10_000_000);
    }
}
