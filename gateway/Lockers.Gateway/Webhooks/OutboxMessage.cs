namespace Lockers.Gateway.Webhooks;

/// <summary>
/// A webhook waiting to be delivered. <see cref="SealedSecrets"/> holds the codes the client must pass on
/// (PIN, access link, collect code), encrypted; it is erased once delivered.
/// </summary>
public sealed record OutboxMessage(
    long Id, string ClientId, string EventType, string ReservationId, string Payload, byte[]? SealedSecrets,
    DateTimeOffset CreatedAt, int Attempts, DateTimeOffset NextAttemptAt, DateTimeOffset? DeliveredAt = null);
