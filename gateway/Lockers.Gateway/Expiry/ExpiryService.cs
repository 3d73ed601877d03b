using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Webhooks;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Expiry;

/// <summary>
/// Finds parcels whose (unpaused) pickup window has run out and expires them through the lifecycle: the recipient's
/// codes are retired and the carrier gets a collect code through the "expired" webhook (ReservationTransitions).
/// </summary>
public sealed class ExpiryService(
    ILockerStore store, ReservationLifecycle lifecycle, WebhookSignal signal, IOptions<ExpiryOptions> options, TimeProvider time)
{
    /// <returns>How many reservations expired.</returns>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var expired = await store.ExecuteAsync(async tx =>
        {
            var count = 0;
            foreach (var reservation in await tx.Reservations.ListOverdueAsync(time.GetStoreNow(), options.Value.BatchSize))
            {
                var result = await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Expired, new TransitionInput("gateway"));
                count += result.Applied ? 1 : 0;
            }
            return count;
        }, cancellationToken);
        if (expired > 0)
        {
            signal.Notify();
        }
        return expired;
    }
}
