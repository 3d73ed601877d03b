using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Store;

/// <summary>Webhooks written in the same transaction as the state change they announce.</summary>
public interface IOutbox
{
    Task EnqueueAsync(string clientId, string eventType, string reservationId, string payload, byte[]? sealedSecrets, DateTimeOffset at);

    /// <summary>
    /// Leases up to <paramref name="limit"/> due, undelivered messages until <paramref name="leaseUntil"/>, so two
    /// gateways never post the same message at once.
    /// </summary>
    Task<IReadOnlyList<OutboxMessage>> LeaseDueAsync(DateTimeOffset now, DateTimeOffset leaseUntil, int limit);

    /// <summary>Whether <see cref="LeaseDueAsync"/> would find anything now: a read, so it can run without the write lock.</summary>
    Task<bool> HasDueAsync(DateTimeOffset now);
    Task MarkDeliveredAsync(long messageId, DateTimeOffset at);
    Task MarkFailedAsync(long messageId, int attempts, DateTimeOffset? nextAttemptAt, string error);
    Task<IReadOnlyList<OutboxMessage>> ListAsync(string? reservationId, int limit);
}
