using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Link;

/// <summary>
/// Section "OfflineCodes": the verifiers each locker keeps to check codes itself while it cannot reach the gateway
/// (docs/adr/0211-offline-code-cache.md). Pushed only while the locker link runs.
/// </summary>
public sealed class OfflineCodesOptions : IGatewayOptions
{
    public static string Section => "OfflineCodes";

    /// <summary>Push each locker its offline code cache. Off: lockers keep what they last got until its entries expire.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// Hours a cached code stays valid on the locker after a push (1..168): the bound on how long a code revoked while the locker
    /// is cut off can still open its door. A pickup code is never cached past the parcel's pickup deadline; caches are pushed
    /// again after half this time.
    /// </summary>
    public int EntryLifetimeHours { get; set; } = 24;

    /// <summary>Seconds between two looks for caches due for a push (1..60): how soon a change reaches the lockers.</summary>
    public int PushIntervalSeconds { get; set; } = 2;
}
