using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Couriers;

/// <summary>Section "Couriers": couriers' rounds at a locker.</summary>
public sealed class CouriersOptions : IGatewayOptions
{
    public static string Section => "Couriers";

    /// <summary>
    /// Minutes a round stays open without a door closing or a key from the courier (1..120); after that the next badge
    /// or PIN starts a new round, which picks up what is still waiting.
    /// </summary>
    public int RoundIdleMinutes { get; set; } = 10;
}

public sealed class CouriersOptionsValidator : OptionsValidator<CouriersOptions>
{
    protected override void Check(CouriersOptions o, OptionProblems problems) =>
        problems.Range(nameof(o.RoundIdleMinutes), o.RoundIdleMinutes, 1, 120, " minutes");
}
