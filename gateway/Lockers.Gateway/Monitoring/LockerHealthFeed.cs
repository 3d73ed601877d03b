using Lockers.Core.Protocol;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Turns one parsed protocol payload into the health sink's calls, so the locker link needs a single call per
/// message: <c>await feed.FeedAsync(locker.Id, message.Payload, cancellationToken)</c> after it handled it.
/// </summary>
public sealed class LockerHealthFeed(ILockerHealthSink sink, TimeProvider time)
{
    public Task FeedAsync(string lockerId, object payload, CancellationToken cancellationToken = default)
    {
        var at = time.GetStoreNow();
        return payload switch
        {
            StatusPayload status => sink.OnStatusAsync(lockerId, status.State == StatusStates.Online,
                string.IsNullOrEmpty(status.Firmware) ? null : status.Firmware, at, string.IsNullOrEmpty(status.Fault) ? null : status.Fault,
                cancellationToken),
            TelemetryPayload telemetry => sink.OnTelemetryAsync(lockerId, telemetry, at, cancellationToken),
            LockerEvent { Kind: EventKinds.Door } door => sink.OnDoorEventAsync(lockerId, door.Compartment, door.DoorState, at, cancellationToken),
            LockerEvent { Kind: EventKinds.Boot, OpenDoors: { } open } => sink.OnDoorsAtBootAsync(lockerId, open, at, cancellationToken),
            LockerEvent { Kind: EventKinds.CommandRefused } refused =>
                sink.OnCommandRefusedAsync(lockerId, refused.CommandId, refused.Reason, at, cancellationToken),
            LockerEvent { Kind: EventKinds.JournalOverflow } overflow => sink.OnJournalOverflowAsync(lockerId, overflow.Dropped, at, cancellationToken),
            LockerEvent { Kind: EventKinds.Tamper } tamper => sink.OnTamperAsync(lockerId, tamper.Detail, at, cancellationToken),
            LockerEvent { Kind: EventKinds.StorageFault } fault =>
                sink.OnIncidentAsync(lockerId, AlarmKinds.StorageFault, AlarmDetails.English("AlarmDetail.FlashRepaired", fault.Detail), at, cancellationToken),
            // Refused cmd/results repeat the command_refused event; everything else just proves the locker is alive.
            _ => sink.OnContactAsync(lockerId, at, cancellationToken),
        };
    }

    /// <summary>The link refused something the locker claimed (ADR 0109): the claim_refused alarm.</summary>
    public Task ClaimRefusedAsync(string lockerId, string detail, CancellationToken cancellationToken = default) =>
        sink.OnClaimRefusedAsync(lockerId, detail, time.GetStoreNow(), cancellationToken);

    /// <summary>A code entry at the locker met or set a hold: health reads the holds again.</summary>
    public Task HoldsChangedAsync(string lockerId, CancellationToken cancellationToken = default) =>
        sink.OnHoldsChangedAsync(lockerId, cancellationToken);
}
