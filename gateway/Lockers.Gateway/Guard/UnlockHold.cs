using Lockers.Gateway.Localization;

namespace Lockers.Gateway.Guard;

/// <summary>Who put a hold in place: a staff member from the dashboard, or the guard itself when unlocks ran over a ceiling.</summary>
public enum UnlockHoldKind
{
    Staff,
    Anomaly,
}

/// <summary>
/// No door opens by the gateway's word in <see cref="Scope"/> (a site, or the whole fleet) while this stands: codes are not
/// answered and remote opens are refused. It lasts until a staff member releases it. <see cref="LockerId"/> is the locker
/// whose unlock ran over the ceiling (anomaly holds only): the alarm is shown there.
/// </summary>
public sealed record UnlockHold(string Scope, UnlockHoldKind Kind, string Reason, string HeldBy, string? LockerId, DateTimeOffset Since)
{
    public bool IsFleet => Scope == HoldScopes.Fleet;

    /// <summary>The held site, or null for the fleet.</summary>
    public string? SiteId => HoldScopes.SiteOf(Scope);

    /// <summary>"site demo-site" or "the whole fleet", for the audit trail and logs (pages say it with Holds.PlaceSite/PlaceFleet).</summary>
    public string Describe() => IsFleet ? "the whole fleet" : $"site {SiteId}";

    /// <summary>Where the hold stands, in the words of <paramref name="texts"/>.</summary>
    public string Place(PageTexts texts) => PlaceOf(SiteId, texts);

    /// <summary>A site (<paramref name="siteId"/>), or the fleet (null), in the words of <paramref name="texts"/>.</summary>
    public static string PlaceOf(string? siteId, PageTexts texts) =>
        siteId is null ? texts["Holds.PlaceFleet"] : texts.Text("Holds.PlaceSite", siteId);
}

/// <summary>The stored names of hold scopes: "fleet", or "site:" and the site id.</summary>
public static class HoldScopes
{
    public const string Fleet = "fleet";
    private const string SitePrefix = "site:";

    public static string Site(string siteId) => SitePrefix + siteId;

    public static string? SiteOf(string scope) => scope.StartsWith(SitePrefix, StringComparison.Ordinal) ? scope[SitePrefix.Length..] : null;
}

/// <summary>
/// The guard's answer to "may this door open now?": <see cref="Hold"/> is null when it may. <see cref="Tripped"/> is true
/// when this very unlock ran over a ceiling and made the hold.
/// </summary>
public sealed record UnlockAdmission(UnlockHold? Hold, bool Tripped = false)
{
    public static UnlockAdmission Admitted { get; } = new((UnlockHold?)null);

    public bool IsAdmitted => Hold is null;
}
