using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Throttle;

/// <summary>Section "Throttle": the guessing budgets. Rationale and the attacker's odds: docs/adr/0108-guessing-budgets.md.</summary>
public sealed class ThrottleOptions : IGatewayOptions
{
    public static string Section => "Throttle";

    /// <summary>
    /// Seconds a reader, and a locker across its readers, must wait after its 1st, 2nd, ... consecutive failure; past the
    /// end the last value repeats. Three free tries cover honest typos.
    /// </summary>
    public int[] DelaysSeconds { get; set; } = [0, 0, 0, 5, 15, 60, 300, 900];

    /// <summary>
    /// Failed entries of one code family (PIN, drop-off) a site takes within <see cref="SiteBudgetWindowHours"/>; past it,
    /// that family is held at the whole site and the guessing_budget alarm is raised. 100 is NIST SP 800-63B's ceiling
    /// on consecutive failures (5.2.2), counted here in a window so that other people's successes do not reset it.
    /// </summary>
    public int SiteFailureBudget { get; set; } = 100;

    /// <summary>The window of the site budget, in hours.</summary>
    public int SiteBudgetWindowHours { get; set; } = 24;

    public TimeSpan SiteBudgetWindow => TimeSpan.FromHours(SiteBudgetWindowHours);

    public TimeSpan DelayAfter(int failures) =>
        TimeSpan.FromSeconds(DelaysSeconds[Math.Clamp(failures - 1, 0, DelaysSeconds.Length - 1)]);
}
