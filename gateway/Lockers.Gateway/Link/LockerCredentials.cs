namespace Lockers.Gateway.Link;

/// <summary>
/// A provisioned locker's secrets as the store keeps them: the broker password only as a hash and the
/// command key only sealed (<see cref="CommandKeys"/>). <see cref="CommandCounter"/> is the last
/// counter the gateway signed for this locker.
/// </summary>
public sealed record LockerCredentials(
    string LockerId, string BrokerUser, string BrokerPasswordHash, byte[] SealedCommandKey, DateTimeOffset ProvisionedAt)
{
    public long CommandCounter { get; init; }
}
