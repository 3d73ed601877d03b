using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Guard;

/// <summary>Section "Guard": the unlock anomaly guard's ceilings (ADR 0110). 0 turns a ceiling off (benchmarks only).</summary>
public sealed class GuardOptions : IGatewayOptions
{
    public static string Section => "Guard";

    /// <summary>
    /// Unlocks one site may get per minute (code answers, courier round doors and remote opens). One site has at most 4
    /// controllers of 32 doors; a courier round (about 7 a minute per controller, ADR 0312) or a queue of recipients opens a
    /// few doors a minute, a break-in opens them all at once.
    /// </summary>
    public int SiteUnlocksPerMinute { get; set; } = 30;

    /// <summary>Unlocks the whole fleet may get per minute; set it to about three times the busiest minute seen (/metrics).</summary>
    public int FleetUnlocksPerMinute { get; set; } = 600;
}

public sealed class GuardOptionsValidator : OptionsValidator<GuardOptions>
{
    protected override void Check(GuardOptions o, OptionProblems problems)
    {
        problems.Range(nameof(o.SiteUnlocksPerMinute), o.SiteUnlocksPerMinute, 0, 100_000);
        problems.Range(nameof(o.FleetUnlocksPerMinute), o.FleetUnlocksPerMinute, 0, 10_000_000);
    }
}
