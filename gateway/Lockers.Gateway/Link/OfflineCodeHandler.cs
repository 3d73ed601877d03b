using Lockers.Core.Protocol;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Link;

/// <summary>
/// Reconciles a code_offline event whose identity the link has claimed (<see cref="EventSequencer"/>, same unit of work): a locker that could not reach the gateway opened a door for a code
/// in its offline cache. <see cref="LockerCodeVerifier.AcceptOfflineAsync"/> records it as that code's unlock, so the door's
/// opened event (journaled after it) spends the code, moves the parcel on and sends the webhooks as online. A conflict (the
/// parcel was cancelled, moved or expired meanwhile) raises the offline_conflict alarm; when it was a drop-off, the compartment
/// is also taken out of service in the registry, so nobody is booked into a door that may hold a parcel nobody expects
/// (docs/adr/0212-offline-reconciliation.md).
/// </summary>
public sealed class OfflineCodeHandler(
    ILockerStore store, LockerCodeVerifier verifier, AvailabilityService availability, ILockerHealthSink health, TimeProvider time,
    ILogger<OfflineCodeHandler> logger)
{
    public async Task<LinkOutcome> HandleAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken)
    {
        var compartment = new CompartmentRef(locker.Id, e.Compartment);
        var outcome = await store.ExecuteAsync(async tx =>
        {
            var source = e.Source == CodeSources.Qr ? CodeSource.Qr : CodeSource.Keypad;
            return await verifier.AcceptOfflineAsync(tx, new OfflineCodeUse(locker.SiteId, compartment, e.CodeRef, e.Reader, source, e.Entry));
        }, cancellationToken);

        if (outcome.Accepted)
        {
            logger.LogInformation("Locker {LockerId} opened compartment {Compartment} offline for reservation {ReservationId} ({Purpose})",
                locker.Id, e.Compartment, outcome.ReservationId, outcome.Purpose);
            return LinkOutcome.Applied;
        }

        logger.LogWarning("Locker {LockerId} opened compartment {Compartment} offline with code {CodeRef}: {Conflict}",
            locker.Id, e.Compartment, e.CodeRef, outcome.Conflict);
        await store.AfterCommitAsync(async () =>
        {
            try
            {
                if (outcome.Purpose == UnlockPurpose.Deposit)
                {
                    await availability.SetCompartmentInServiceAsync(compartment, false, "gateway", cancellationToken);
                }

                await health.OnOfflineConflictAsync(locker.Id, e.Compartment, outcome.ReservationId is { } id
                        ? AlarmDetails.English("AlarmDetail.OfflineConflict", e.Compartment, e.CodeRef, id, outcome.Conflict!)
                        : AlarmDetails.English("AlarmDetail.OfflineConflictNoReservation", e.Compartment, e.CodeRef, outcome.Conflict!),
                    time.GetStoreNow(), cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The conflict is on record (audit); the alarm or the service flag failing must not fail the event.
                logger.LogError(ex, "Offline conflict at {LockerId}/{Compartment} recorded but not raised", locker.Id, e.Compartment);
            }
        });
        return LinkOutcome.Applied;
    }
}
