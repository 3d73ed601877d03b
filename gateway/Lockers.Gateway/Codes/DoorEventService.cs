using Lockers.Gateway.Audit;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Codes;

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
public sealed record DoorClosedResult(DoorEventOutcome Outcome, string? ReservationId = null, IssuedPickupCodes? PickupCodes = null);

/// <summary>
/// Applies door events reported by a locker. Each (locker, seq) is applied once. Codes are consumed by a
/// conditional update when the sensor confirms the door opened, so the same code used at two keypads spends
/// once and moves the parcel once.
/// </summary>
public sealed class DoorEventService(
    ILockerStore store, CodeIssuer codes, WebhookEnqueuer webhooks, WebhookSignal signal, TimeProvider time)
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
            await AdvanceOnOpenAsync(tx, reservation, intent.Purpose, now);
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
        var compartment = new CompartmentRef(lockerId, compartmentNumber);
        var result = await store.ExecuteAsync(async tx =>
        {
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
            if (intent.Purpose == UnlockPurpose.Deposit)
            {
                var issued = await CompleteDepositAsync(tx, reservation, now);
                return new DoorClosedResult(issued is null ? DoorEventOutcome.NoEffect : DoorEventOutcome.Applied, reservation.Id, issued);
            }
            await tx.Registry.ReleaseHoldAsync(compartment, reservation.Id);
            return new DoorClosedResult(DoorEventOutcome.Applied, reservation.Id);
        }, cancellationToken);
        await NotifyAfterCommitAsync();
        return result;
    }

    /// <summary>Wakes the webhook dispatcher once the deliveries just queued are committed (inside a group: after it).</summary>
    private Task NotifyAfterCommitAsync() => store.AfterCommitAsync(() =>
    {
        signal.Notify();
        return Task.CompletedTask;
    });

    private async Task AdvanceOnOpenAsync(IStoreTransaction tx, Reservation reservation, UnlockPurpose purpose, DateTimeOffset now)
    {
        switch (purpose)
        {
            case UnlockPurpose.Deposit:
                // Still "booked" until the door closes; DepositedAt marks that it can no longer be cancelled.
                await tx.Reservations.UpdateAsync(reservation with { DepositedAt = now }, ReservationStatus.Booked);
                break;
            case UnlockPurpose.Pickup:
                var pickedUp = reservation with { Status = ReservationStatus.PickedUp, ClosedAt = now, PausedSince = null };
                if (await tx.Reservations.UpdateAsync(pickedUp, ReservationStatus.ReadyForPickup))
                {
                    await tx.Codes.RevokeAsync(reservation.Id, [CodeKind.PickupPin, CodeKind.PickupQr], now);
                    await webhooks.EnqueueAsync(tx, pickedUp, WebhookEvents.PickedUp);
                }
                break;
            case UnlockPurpose.Collect:
                var returned = reservation with { Status = ReservationStatus.Returned, ClosedAt = now };
                if (await tx.Reservations.UpdateAsync(returned, ReservationStatus.Expired))
                {
                    await webhooks.EnqueueAsync(tx, returned, WebhookEvents.Returned);
                }
                break;
        }
    }

    private async Task<IssuedPickupCodes?> CompleteDepositAsync(IStoreTransaction tx, Reservation reservation, DateTimeOffset now)
    {
        var pickup = await codes.IssuePickupCodesAsync(tx, reservation);
        var ready = reservation with
        {
            Status = ReservationStatus.ReadyForPickup,
            DepositedAt = reservation.DepositedAt ?? now,
            PickupDeadline = now.AddHours(reservation.PickupWindowHours),
            AccessTokenHash = codes.HashAccessToken(pickup.AccessToken),
        };
        if (!await tx.Reservations.UpdateAsync(ready, ReservationStatus.Booked))
        {
            throw new InvalidOperationException($"reservation {reservation.Id} left 'booked' during its deposit");
        }
        await webhooks.EnqueueAsync(tx, ready, WebhookEvents.Deposited);
        await webhooks.EnqueueAsync(tx, ready, WebhookEvents.ReadyForPickup, new
        {
            pickupPin = pickup.Pin,
            accessLink = codes.AccessLinkFor(pickup.AccessToken),
            qrToken = pickup.QrToken,
        });
        return pickup;
    }
}
