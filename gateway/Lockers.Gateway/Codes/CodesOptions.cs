using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Codes;

/// <summary>Section "Codes". Lengths and alphabets are explained in docs/adr/0102-gateway-codes.md.</summary>
public sealed class CodesOptions : IGatewayOptions
{
    public static string Section => "Codes";

    /// <summary>The server-side secret every code hash is keyed with (at least 32 characters). Prefer <see cref="PepperFile"/>.</summary>
    public string? Pepper { get; set; }

    /// <summary>A file holding the pepper (for example a mounted secret); read once at start-up.</summary>
    public string? PepperFile { get; set; }

    /// <summary>
    /// Demo only: without a pepper, generate one in Store:DataDirectory/dev-pepper. Anyone who can read the data
    /// directory can then read the pepper, which defeats its purpose; never enable this in production.
    /// </summary>
    public bool AllowDevPepper { get; set; }

    public int PinLength { get; set; } = 6;

    public int DropoffCodeLength { get; set; } = 8;

    public int CollectCodeLength { get; set; } = 8;

    /// <summary>A courier's own PIN (typed to start a round); its length differs from every other code's, so a typed code is never both.</summary>
    public int CourierPinLength { get; set; } = 9;

    /// <summary>How many random codes to try before giving up on finding one unused at the site.</summary>
    public int MaxGenerationAttempts { get; set; } = 50;
}
