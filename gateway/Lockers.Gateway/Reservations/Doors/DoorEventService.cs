using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Reservations.Doors;

/// <summary>What applying a door event did.</summary>
public enum DoorEventOutcome
{
    /// <summary>The event changed state.</summary>
    Applied,
    /// <summary>This (locker, seq) was applied before: a redelivery, ignored.</summary>
    Duplicate,
    /// <summary>No pending unlock for this door, or its code was already spent: recorded, nothing changed.</summary>
    NoEffect,
}

/// <summary>The result of a door-closed event; <see cref="PickupCodes"/> is set when a deposit completed.</summary>
public sealed record DoorClosedResult(
    DoorEventOutcome Outcome, string? ReservationId = null, IssuedPickupCodes? PickupCodes = null, Reservation? Reservation = null);

/// <summary>
/// Applies door events reported by a locker. Each (locker, seq) is applied once. Codes are consumed by a
/// conditional update when the sensor confirms the door opened, so the same code used at two keypads spends
/// once and moves the parcel once. What a door opening or closing means for the parcel (deposit started, deposited,
/// picked up, collected, compartment free) is the lifecycle's: <see cref="ReservationLifecycle"/>.
/// </summary>
public sealed class DoorEventService(ILockerStore store, ReservationLifecycle lifecycle, WebhookSignal signal, TimeProvider time)
{
    /// <summary>The door opened: spend the code and advance the reservation (picked up, returned, or deposit started).</summary>
    public async Task<DoorEventOutcome> ConfirmOpenedAsync(string lockerId, int compartmentNumber, long seq, CancellationToken cancellationToken = default)
    {
        var compartment = new CompartmentRef(lockerId, compartmentNumber);
        var outcome = await store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            if (!await tx.LockerEvents.TryMarkAppliedAsync(lockerId, seq, now))
            {
                return DoorEventOutcome.Duplicate;
            }
            var intent = await tx.LockerEvents.FindLatestIntentAsync(compartment, UnlockIntentStatus.Pending, UnlockIntentStatus.Jammed);
            if (intent is null)
            {
                await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", AuditActions.DoorOpened, null, lockerId,
                    compartmentNumber, Detail: $"seq={seq} without a pending unlock"));
                return DoorEventOutcome.NoEffect;
            }
            await tx.LockerEvents.TransitionIntentAsync(intent.Id, intent.Status, UnlockIntentStatus.Opened, now);
            // The conditional update is the single point of truth: whoever flips live -> used wins.
            if (!await tx.Codes.ConsumeAsync(intent.CodeId, now))
            {
                await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", AuditActions.DoorOpened, null, lockerId,
                    compartmentNumber, intent.ReservationId, $"seq={seq} code already spent"));
                return DoorEventOutcome.NoEffect;
            }
            await tx.LockerEvents.CloseOtherIntentsAsync(compartment, intent.Id, now);
            var reservation = (await tx.Reservations.GetAsync(intent.ReservationId))!;
            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", AuditActions.CodeConsumed, reservation.SiteId, lockerId,
                compartmentNumber, reservation.Id, $"purpose={intent.Purpose}"));
            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", AuditActions.DoorOpened, reservation.SiteId, lockerId,
                compartmentNumber, reservation.Id, $"seq={seq} purpose={intent.Purpose}"));
            // A refusal is logged by the lifecycle; the door did open and the code is spent either way.
            await lifecycle.ApplyAsync(tx, reservation, intent.Purpose.OpenedEvent(), new TransitionInput($"locker:{lockerId}"));
            return DoorEventOutcome.Applied;
        }, cancellationToken);
        await NotifyAfterCommitAsync();
        return outcome;
    }

    /// <summary>The door did not open after an unlock: the code stays valid (the door_jammed alarm comes from locker health).</summary>
    public Task<DoorEventOutcome> ReportJammedAsync(string lockerId, int compartmentNumber, long seq, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            if (!await tx.LockerEvents.TryMarkAppliedAsync(lockerId, seq, now))
            {
                return DoorEventOutcome.Duplicate;
            }
            var compartment = new CompartmentRef(lockerId, compartmentNumber);
            var intent = await tx.LockerEvents.FindLatestIntentAsync(compartment, UnlockIntentStatus.Pending);
            if (intent is not null)
            {
                await tx.LockerEvents.TransitionIntentAsync(intent.Id, UnlockIntentStatus.Pending, UnlockIntentStatus.Jammed, now);
            }
            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", AuditActions.DoorJammed, null, lockerId,
                compartmentNumber, intent?.ReservationId, $"seq={seq}"));
            return intent is null ? DoorEventOutcome.NoEffect : DoorEventOutcome.Applied;
        }, cancellationToken);

    /// <summary>
    /// The door closed. After a deposit the parcel becomes ready (PIN and QR issued, webhooks queued);
    /// after a pickup or a collection the compartment is free again.
    /// </summary>
    public async Task<DoorClosedResult> ReportClosedAsync(string lockerId, int compartmentNumber, long seq, CancellationToken cancellationToken = default)
    {
        var result = await store.ExecuteAsync(tx => ReportClosedAsync(tx, lockerId, compartmentNumber, seq), cancellationToken);
        await NotifyAfterCommitAsync();
        return result;
    }

    /// <summary>
    /// The door closed, inside the caller's unit of work (the link also advances a courier's round in it); the caller wakes
    /// the webhook dispatcher with <see cref="NotifyAfterCommitAsync"/> once the unit is committed.
    /// </summary>
    public async Task<DoorClosedResult> ReportClosedAsync(IStoreTransaction tx, string lockerId, int compartmentNumber, long seq)
    {
        var compartment = new CompartmentRef(lockerId, compartmentNumber);
        var now = time.GetStoreNow();
        if (!await tx.LockerEvents.TryMarkAppliedAsync(lockerId, seq, now))
        {
            return new DoorClosedResult(DoorEventOutcome.Duplicate);
        }
        var intent = await tx.LockerEvents.FindLatestIntentAsync(compartment, UnlockIntentStatus.Opened);
        await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", AuditActions.DoorClosed, null, lockerId,
            compartmentNumber, intent?.ReservationId, $"seq={seq}"));
        if (intent is null)
        {
            return new DoorClosedResult(DoorEventOutcome.NoEffect);
        }
        await tx.LockerEvents.TransitionIntentAsync(intent.Id, UnlockIntentStatus.Opened, UnlockIntentStatus.Done, now);
        var reservation = (await tx.Reservations.GetAsync(intent.ReservationId))!;
        var closed = intent.Purpose == UnlockPurpose.Deposit ? ReservationEvent.Deposited : ReservationEvent.Emptied;
        var result = await lifecycle.ApplyAsync(tx, reservation, closed, new TransitionInput($"locker:{lockerId}"));
        return new DoorClosedResult(result.Applied ? DoorEventOutcome.Applied : DoorEventOutcome.NoEffect, reservation.Id, result.Issued.Pickup,
            result.Applied ? result.Reservation : null);
    }

    /// <summary>Wakes the webhook dispatcher once the deliveries just queued are committed (inside a group: after it); call after the unit of work.</summary>
    public Task NotifyAfterCommitAsync() => store.AfterCommitAsync(() =>
    {
        signal.Notify();
        return Task.CompletedTask;
    });
}
