namespace Lockers.Gateway.Provisioning;

/// <summary>
/// The outcome of <c>locker revoke</c>: the serials newly on the revocation list, whether the broker's copy was written
/// and the broker reloaded, and what became of a connection the locker still held (<see cref="Eviction"/>).
/// </summary>
public sealed record RevokedLocker(string LockerId, IReadOnlyList<string> RevokedSerials, bool CrlWritten, bool BrokerReloaded, string Eviction);
