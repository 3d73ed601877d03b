using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Lockers.Gateway.Throttle;
using Lockers.Gateway.Webhooks;

namespace Lockers.Gateway.Reservations.Doors;

/// <summary>What applying a door event did.</summary>
public enum DoorEventOutcome
{
    /// <summary>The event changed state.</summary>
    Applied,
    /// <summary>No pending unlock for this door, or its code was already spent: recorded, nothing changed.</summary>
    NoEffect,
}

/// <summary>The result of a door-closed event; <see cref="PickupCodes"/> is set when a deposit completed, <see cref="Moved"/> when a move did.</summary>
public sealed record DoorClosedResult(
    DoorEventOutcome Outcome, string? ReservationId = null, IssuedPickupCodes? PickupCodes = null, bool Moved = false,
    Reservation? Reservation = null);

/// <summary>
/// The result of a door-opened event. <see cref="OpenNext"/>: the door a guided move opens next (the parcel's door
/// opened, so the target door is unlocked for staff to put the parcel in); <see cref="ReservationId"/> the parcel concerned.
/// </summary>
public sealed record DoorOpenedResult(DoorEventOutcome Outcome, string? ReservationId = null, CompartmentRef? OpenNext = null);

/// <summary>The gateway's latest unlock command for a door, as the link found it: who asked for it (a remote open, a move).</summary>
public sealed record DoorUnlockCommand(string CommandId, string RequestedBy);

/// <summary>
/// Applies door events reported by a locker. That each event reaches here once is the locker link's to ensure (it
/// claims the event's (locker, epoch, seq) in the same unit of work: Link/EventSequencer); <c>seq</c> is for the audit
/// trail. Codes are consumed by a conditional update when the sensor confirms the door opened, so the same code used at
/// two keypads spends once and moves the parcel once. What a door opening or closing means for the parcel (deposit started, deposited,
/// picked up, collected, compartment free) is the lifecycle's: <see cref="ReservationLifecycle"/>. A door that opened
/// for a code is also the only success that clears the failures of the reader the code was entered at (ADR 0108).
/// Every door event also becomes the compartment's last reported door state in the store, in the same unit of work
/// (ADR 0310): this class is the only writer, and locker health loads it after a restart.
/// </summary>
public sealed class DoorEventService(
    ILockerStore store, ReservationLifecycle lifecycle, GuessingBudget budget, WebhookSignal signal, TimeProvider time)
{
    /// <summary>The door opened: spend the code and advance the reservation (picked up, returned, or deposit started).</summary>
    public async Task<DoorEventOutcome> ConfirmOpenedAsync(string lockerId, int compartmentNumber, long seq, CancellationToken cancellationToken = default) =>
        (await ApplyOpenedAsync(lockerId, compartmentNumber, seq, null, cancellationToken)).Outcome;

    /// <summary>
    /// The door opened. After a code: spend it and advance the reservation (picked up, returned, or deposit started).
    /// Without one: a guided move's step (its parcel's door or its target door opened), else the opening is put down
    /// to the gateway's unlock command <paramref name="command"/> (a staff member's remote open), and audited as such.
    /// </summary>
    public async Task<DoorOpenedResult> ApplyOpenedAsync(
        string lockerId, int compartmentNumber, long seq, DoorUnlockCommand? command, CancellationToken cancellationToken = default)
    {
        var compartment = new CompartmentRef(lockerId, compartmentNumber);
        var outcome = await store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            await tx.LockerEvents.SetDoorStateAsync(compartment, DoorStates.Opened, now);
            var intent = await tx.LockerEvents.FindLatestIntentAsync(compartment, UnlockIntentStatus.Pending, UnlockIntentStatus.Jammed);
            if (intent is null)
            {
                return await OpenedWithoutCodeAsync(tx, compartment, seq, command, now);
            }
            await tx.LockerEvents.TransitionIntentAsync(intent.Id, intent.Status, UnlockIntentStatus.Opened, now);
            // The conditional update is the single point of truth: whoever flips live -> used wins.
            if (!await tx.Codes.ConsumeAsync(intent.CodeId, now))
            {
                await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", AuditActions.DoorOpened, null, lockerId,
                    compartmentNumber, intent.ReservationId, $"seq={seq} code already spent"));
                return new DoorOpenedResult(DoorEventOutcome.NoEffect, intent.ReservationId);
            }
            await tx.LockerEvents.CloseOtherIntentsAsync(compartment, intent.Id, now);
            var reservation = (await tx.Reservations.GetAsync(intent.ReservationId))!;
            if (intent is { EntryLockerId: { } entryLocker, ReaderId: { } reader })
            {
                // The door confirms the code was right: only now does the reader (and its locker) start afresh.
                await budget.ConfirmSuccessAsync(tx, ThrottleScope.Reader(reservation.SiteId, entryLocker, reader));
            }
            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", AuditActions.CodeConsumed, reservation.SiteId, lockerId,
                compartmentNumber, reservation.Id, $"purpose={intent.Purpose}"));
            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", AuditActions.DoorOpened, reservation.SiteId, lockerId,
                compartmentNumber, reservation.Id, $"seq={seq} purpose={intent.Purpose}"));
            // A refusal is logged by the lifecycle; the door did open and the code is spent either way.
            await lifecycle.ApplyAsync(tx, reservation, intent.Purpose.OpenedEvent(), new TransitionInput($"locker:{lockerId}"));
            return new DoorOpenedResult(DoorEventOutcome.Applied, reservation.Id);
        }, cancellationToken);
        await NotifyAfterCommitAsync();
        return outcome;
    }

    /// <summary>No code asked for this door: a move's step, a staff member's remote open, or (rarely) an unlock nobody explains.</summary>
    private async Task<DoorOpenedResult> OpenedWithoutCodeAsync(
        IStoreTransaction tx, CompartmentRef door, long seq, DoorUnlockCommand? command, DateTimeOffset now)
    {
        var actor = $"locker:{door.LockerId}";
        var by = command is null ? "" : $" command={command.CommandId} requested_by={command.RequestedBy}";
        if (await tx.Reservations.FindMovingThroughAsync(door) is { Move: { } move } moving && ParcelMoves.WaitingDoor(moving) == door)
        {
            var step = move.Step == MoveStep.Requested ? ReservationEvent.MoveSourceOpened : ReservationEvent.MoveTargetOpened;
            var advanced = await lifecycle.ApplyAsync(tx, moving, step, new TransitionInput(actor));
            await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.DoorOpened, moving.SiteId, door.LockerId, door.Number, moving.Id,
                $"seq={seq} purpose=move_{(step == ReservationEvent.MoveSourceOpened ? "source" : "target")}{by}"));
            return advanced.Applied
                ? new DoorOpenedResult(DoorEventOutcome.Applied, moving.Id, step == ReservationEvent.MoveSourceOpened ? move.Target : null)
                : new DoorOpenedResult(DoorEventOutcome.NoEffect, moving.Id);
        }
        await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.DoorOpened, null, door.LockerId, door.Number,
            (await tx.Reservations.FindHoldingAsync(door))?.Id,
            command is null ? $"seq={seq} without a pending unlock" : $"seq={seq} purpose=remote_open{by}"));
        return new DoorOpenedResult(DoorEventOutcome.NoEffect);
    }

    /// <summary>
    /// The locker started and said which of its doors the reed switches showed open (ADR 0310): each of its compartments gets
    /// that state, so a door that closed or opened while the controller was off reads as it is, and an alarm about a door
    /// that is shut now ends. An open door already known forced or left open keeps that (still open, still that), and a
    /// jammed door stays jammed (a restart does not free a latch). A door known open that is shut now closed while the
    /// controller was off: that is its "closed" event, with what a close means for the parcel (deposited, or the compartment
    /// free after a pickup). A number the registry does not know is ignored.
    /// </summary>
    public Task ReportDoorsAtBootAsync(Locker locker, IReadOnlyCollection<int> open, long seq, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            var known = (await tx.LockerEvents.ListDoorStatesAsync(locker.Id)).ToDictionary(d => d.Compartment, d => d.State);
            foreach (var compartment in (await tx.Registry.ListCompartmentsAsync(locker.SiteId)).Where(c => c.LockerId == locker.Id))
            {
                var before = known.GetValueOrDefault(compartment.Number);
                var state = open.Contains(compartment.Number)
                    ? before is DoorStates.Forced or DoorStates.LeftOpen ? before : DoorStates.Opened
                    : before == DoorStates.Jammed ? DoorStates.Jammed : DoorStates.Closed;
                if (state == DoorStates.Closed && before is DoorStates.Opened or DoorStates.LeftOpen or DoorStates.Forced)
                {
                    await ReportClosedAsync(tx, locker.Id, compartment.Number, seq);
                }
                else if (state != before)
                {
                    await tx.LockerEvents.SetDoorStateAsync(compartment.Ref, state, now);
                }
            }
            return true;
        }, cancellationToken);

    /// <summary>The door did not open after an unlock: the code stays valid (the door_jammed alarm comes from locker health).</summary>
    public Task<DoorEventOutcome> ReportJammedAsync(string lockerId, int compartmentNumber, long seq, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            var compartment = new CompartmentRef(lockerId, compartmentNumber);
            await tx.LockerEvents.SetDoorStateAsync(compartment, DoorStates.Jammed, now);
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
    /// The door opened without an unlock (<see cref="DoorStates.Forced"/>) or stayed open too long (<see cref="DoorStates.LeftOpen"/>):
    /// nothing moves for the parcel; audited and kept as the door's state (their alarms come from locker health).
    /// </summary>
    public Task ReportOpenTooLongOrForcedAsync(string lockerId, int compartmentNumber, string state, long seq, CancellationToken cancellationToken = default)
    {
        var action = state switch
        {
            DoorStates.Forced => AuditActions.DoorForced,
            DoorStates.LeftOpen => AuditActions.DoorLeftOpen,
            _ => throw new ArgumentException($"'{state}' is neither forced nor left_open", nameof(state)),
        };
        return store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            var compartment = new CompartmentRef(lockerId, compartmentNumber);
            await tx.LockerEvents.SetDoorStateAsync(compartment, state, now);
            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", action, null, lockerId, compartmentNumber,
                Detail: $"seq={seq} compartment={compartmentNumber}"));
            return true;
        }, cancellationToken);
    }

    /// <summary>The last reported door state of each compartment of the locker that ever reported one (ADR 0310).</summary>
    public Task<IReadOnlyList<DoorReport>> ListStatesAsync(string lockerId, CancellationToken cancellationToken = default) =>
        store.ReadAsync(tx => tx.LockerEvents.ListDoorStatesAsync(lockerId), cancellationToken);

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
        await tx.LockerEvents.SetDoorStateAsync(compartment, DoorStates.Closed, now);
        var intent = await tx.LockerEvents.FindLatestIntentAsync(compartment, UnlockIntentStatus.Opened);
        var moving = intent is null ? await tx.Reservations.FindMovingThroughAsync(compartment) : null;
        await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{lockerId}", AuditActions.DoorClosed, null, lockerId,
            compartmentNumber, intent?.ReservationId ?? moving?.Id, $"seq={seq}"));
        if (moving is { Move: { Step: MoveStep.TargetOpened } move } && move.Target == compartment)
        {
            // The target door closed on the parcel: only now do the recipient's codes follow it there.
            var moved = await lifecycle.ApplyAsync(tx, moving, ReservationEvent.Moved, new TransitionInput($"locker:{lockerId}"));
            return new DoorClosedResult(moved.Applied ? DoorEventOutcome.Applied : DoorEventOutcome.NoEffect, moving.Id, Moved: moved.Applied);
        }
        if (intent is null)
        {
            return new DoorClosedResult(DoorEventOutcome.NoEffect);
        }
        await tx.LockerEvents.TransitionIntentAsync(intent.Id, UnlockIntentStatus.Opened, UnlockIntentStatus.Done, now);
        var reservation = (await tx.Reservations.GetAsync(intent.ReservationId))!;
        var closed = intent.Purpose == UnlockPurpose.Deposit ? ReservationEvent.Deposited : ReservationEvent.Emptied;
        var result = await lifecycle.ApplyAsync(tx, reservation, closed, new TransitionInput($"locker:{lockerId}"));
        return new DoorClosedResult(result.Applied ? DoorEventOutcome.Applied : DoorEventOutcome.NoEffect, reservation.Id, result.Issued.Pickup,
            Reservation: result.Applied ? result.Reservation : null);
    }

    /// <summary>Wakes the webhook dispatcher once the deliveries just queued are committed (inside a group: after it); call after the unit of work.</summary>
    public Task NotifyAfterCommitAsync() => store.AfterCommitAsync(() =>
    {
        signal.Notify();
        return Task.CompletedTask;
    });
}
