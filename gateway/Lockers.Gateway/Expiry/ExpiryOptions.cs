using System.ComponentModel.DataAnnotations;

namespace Lockers.Gateway.Expiry;

/// <summary>Section "Expiry".</summary>
public sealed class ExpiryOptions
{
    public const string Section = "Expiry";

    /// <summary>Run the expiry scan in this process.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How often overdue parcels are looked for; a parcel expires at most this late.</summary>
    [Range(1, 3600, ErrorMessage = "Expiry:ScanIntervalSeconds must be between 1 and 3600.")]
    public int ScanIntervalSeconds { get; set; } = 60;

    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;
}
