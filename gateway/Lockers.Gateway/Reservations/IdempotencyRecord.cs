namespace Lockers.Gateway.Reservations;

/// <summary>The remembered outcome of one (client, Idempotency-Key); the response is sealed because it holds a code.</summary>
public sealed record IdempotencyRecord(
    string ClientId, string Key, byte[] RequestHash, int StatusCode, byte[] SealedResponse, DateTimeOffset CreatedAt);
