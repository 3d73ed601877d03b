namespace Lockers.Gateway.Link;

/// <summary>
/// A provisioned locker's secrets as the store keeps them: how the broker knows it and the command key only sealed
/// (<see cref="CommandKeys"/>). <see cref="BrokerPasswordHash"/> is <c>x509:&lt;serial&gt;</c> for a locker provisioned
/// with a client certificate (ADR 0203; the column is named for the password hashes of earlier versions), or a Mosquitto
/// <c>$7$</c> password hash. <see cref="CommandCounter"/> is the last counter the gateway signed for this locker.
/// </summary>
public sealed record LockerCredentials(
    string LockerId, string BrokerUser, string BrokerPasswordHash, byte[] SealedCommandKey, DateTimeOffset ProvisionedAt)
{
    public long CommandCounter { get; init; }
}
