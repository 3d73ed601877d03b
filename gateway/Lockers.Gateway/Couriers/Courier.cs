namespace Lockers.Gateway.Couriers;

/// <summary>
/// A courier of a carrier (API client): what opens a round at a locker is the badge (a QR of a 128-bit token, scanned) or
/// the courier's PIN (typed, throttled like every typed code). Both are stored only as HMACs; revoked couriers open nothing.
/// </summary>
public sealed record Courier(
    string Id, string ClientId, string Name, byte[] BadgeHash, byte[] PinHash, DateTimeOffset CreatedAt, DateTimeOffset? RevokedAt = null)
{
    public bool Active => RevokedAt is null;
}

/// <summary>A courier just issued: the badge token and the PIN, shown once.</summary>
public sealed record IssuedCourier(Courier Courier, string BadgeToken, string Pin);
