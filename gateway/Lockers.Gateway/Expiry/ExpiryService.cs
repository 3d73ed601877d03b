using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Webhooks;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Expiry;

/// <summary>
/// Parcels whose (unpaused) pickup window has run out become expired: the recipient's codes are retired and
/// the carrier gets a collect code through the "expired" webhook.
/// </summary>
public sealed class ExpiryService(
    ILockerStore store, CodeIssuer codes, WebhookEnqueuer webhooks, WebhookSignal signal,
    IOptions<ExpiryOptions> options, TimeProvider time)
{
    /// <returns>How many reservations expired.</returns>
    public async Task<int> ExpireDueAsync(CancellationToken cancellationToken = default)
    {
        var expired = await store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            var count = 0;
            foreach (var reservation in await tx.Reservations.ListOverdueAsync(now, options.Value.BatchSize))
            {
                var updated = reservation with { Status = ReservationStatus.Expired, ExpiredAt = now };
                if (!await tx.Reservations.UpdateAsync(updated, ReservationStatus.ReadyForPickup))
                {
                    continue;
                }
                await tx.Codes.RevokeAsync(reservation.Id, [CodeKind.PickupPin, CodeKind.PickupQr], now);
                var collectCode = await codes.IssueCollectCodeAsync(tx, updated);
                await webhooks.EnqueueAsync(tx, updated, WebhookEvents.Expired, new { collectCode });
                await tx.Audit.AppendAsync(new AuditEntry(now, "gateway", AuditActions.ReservationExpired, reservation.SiteId,
                    reservation.Compartment?.LockerId, reservation.Compartment?.Number, reservation.Id));
                count++;
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
