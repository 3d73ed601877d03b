using Lockers.Gateway.Settings;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Clients;

/// <summary>
/// What a carrier lets its recipients do from the parcel page: add up to <see cref="ExtensionHours"/> hours to the pickup
/// window in all (0: no extension), and send the parcel to another site before it is deposited and, when the carrier can
/// rebook a parcel already in a locker, after.
/// </summary>
public sealed record RecipientPolicy(int ExtensionHours, bool RedirectBeforeDeposit, bool RedirectAfterDeposit)
{
    /// <summary>The client's policy, its unset values taken from the defaults.</summary>
    public static RecipientPolicy For(ApiClient client, RecipientPolicyOptions defaults) => new(
        client.RecipientExtensionHours ?? defaults.ExtensionHours,
        client.RedirectBeforeDeposit ?? defaults.RedirectBeforeDeposit,
        client.RedirectAfterDeposit ?? defaults.RedirectAfterDeposit);
}

/// <summary>Section "RecipientPolicy": the recipient policy of clients that have not set their own, and the page's step.</summary>
public sealed class RecipientPolicyOptions : IGatewayOptions
{
    public static string Section => "RecipientPolicy";

    /// <summary>Hours a recipient may add to the pickup window in all (0..720; 0: none).</summary>
    public int ExtensionHours { get; set; } = 48;

    /// <summary>Hours one press of the page's extend button adds (1..168).</summary>
    public int ExtensionStepHours { get; set; } = 24;

    /// <summary>Whether a recipient may send a parcel to another site before it is deposited.</summary>
    public bool RedirectBeforeDeposit { get; set; } = true;

    /// <summary>Whether a recipient may send a parcel already in a locker to another site (the carrier collects and rebooks it).</summary>
    public bool RedirectAfterDeposit { get; set; }

    /// <summary>How far (km) a site may be from the booked one to be offered instead (for a full site and a redirect).</summary>
    public double NearbyRadiusKm { get; set; } = 10;

    /// <summary>How many nearby sites are offered at most.</summary>
    public int NearbySites { get; set; } = 3;

    /// <summary>Days a parcel's link still shows how it ended (collected, cancelled, returned) once it is closed; then it is dead.</summary>
    public int ClosedLinkDays { get; set; } = 7;
}

public sealed class RecipientPolicyOptionsValidator : OptionsValidator<RecipientPolicyOptions>
{
    protected override void Check(RecipientPolicyOptions o, OptionProblems problems)
    {
        problems.Range(nameof(o.ExtensionHours), o.ExtensionHours, 0, 720, " hours");
        problems.Range(nameof(o.ExtensionStepHours), o.ExtensionStepHours, 1, 168, " hours");
        problems.Range(nameof(o.NearbyRadiusKm), o.NearbyRadiusKm, 0.1, 500, " km");
        problems.Range(nameof(o.NearbySites), o.NearbySites, 0, 20);
        problems.Range(nameof(o.ClosedLinkDays), o.ClosedLinkDays, 0, 90, " days");
    }
}
