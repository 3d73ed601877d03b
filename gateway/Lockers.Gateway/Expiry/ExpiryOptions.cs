using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Expiry;

/// <summary>Section "Expiry".</summary>
public sealed class ExpiryOptions : IGatewayOptions
{
    public static string Section => "Expiry";

    /// <summary>Run the expiry scan in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often overdue parcels are looked for; a parcel expires at most this late.</summary>
    public int ScanIntervalSeconds { get; set; } = 60;

    public int BatchSize { get; set; } = 100;
}
