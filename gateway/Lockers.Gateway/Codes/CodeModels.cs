namespace Lockers.Gateway.Codes;

/// <summary>What a code is for. Every kind lives in the same per-site namespace, so a typed code matches at most one.</summary>
public enum CodeKind
{
    /// <summary>Courier drop-off code: opens the booked compartment to deposit.</summary>
    Dropoff,
    /// <summary>Recipient's keypad PIN.</summary>
    PickupPin,
    /// <summary>Recipient's QR token (scanner).</summary>
    PickupQr,
    /// <summary>Carrier's code to collect an expired parcel.</summary>
    Collect,
}

/// <summary>A live or spent code as the store keeps it: only the HMAC, never the code.</summary>
public sealed record StoredCode(long Id, string ReservationId, string SiteId, CodeKind Kind, byte[] Hash);

/// <summary>A code and whether it is still live (neither used nor revoked).</summary>
public sealed record StoredCodeState(StoredCode Code, bool Live);

/// <summary>Where a code was entered.</summary>
public enum CodeSource
{
    Keypad,
    Qr,
}
