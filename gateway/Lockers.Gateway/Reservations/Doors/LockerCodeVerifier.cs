using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Couriers;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Lockers.Gateway.Throttle;

namespace Lockers.Gateway.Reservations.Doors;

/// <summary>
/// Checks a code entered at a locker and says which door to open. It consumes nothing: the code is spent
/// only when the door reports it opened (<see cref="DoorEventService.ConfirmOpenedAsync"/>), so a jammed
/// door leaves the recipient's code valid.
/// </summary>
public sealed class LockerCodeVerifier(
    ILockerStore store, CodeHasher hasher, KeypadThrottle throttle, ReservationLifecycle lifecycle, AvailabilityService availability,
    CourierService couriers, TimeProvider time)
{
    private const int MaxCodeLength = 64;

    public Task<CodeCheckResult> CheckCodeAsync(CodeCheckRequest request, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(tx => CheckCodeAsync(tx, request), cancellationToken);

    /// <summary>The check inside a caller's unit of work (the locker link claims the event, checks and signs in one).</summary>
    public async Task<CodeCheckResult> CheckCodeAsync(IStoreTransaction tx, CodeCheckRequest request)
    {
        var keypad = new KeypadRef(request.SiteId, request.LockerId, request.KeypadId);
        var countsTowardsThrottle = request.Source == CodeSource.Keypad;
        if (countsTowardsThrottle && await throttle.RemainingDelayAsync(tx, keypad) is { } wait && wait > TimeSpan.Zero)
        {
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"keypad:{request.KeypadId}", AuditActions.CodeThrottled,
                request.SiteId, request.LockerId, Detail: $"retry_after={Math.Ceiling(wait.TotalSeconds)}s"));
            return CodeCheckResult.Throttled(wait);
        }

        // A parcel's code first; failing that, a courier's badge or PIN. Either way a typed miss counts against the keypad,
        // so a courier PIN is as hard to guess as any code typed there.
        var accepted = await TryAcceptAsync(tx, request) ?? await TryCourierAsync(tx, request);
        if (accepted is { Outcome: CodeCheckOutcome.Unavailable })
        {
            // A right code: the throttle forgets this keypad's failures as for any success.
            if (countsTowardsThrottle)
            {
                await throttle.ResetAsync(tx, keypad);
            }
            return accepted;
        }
        if (accepted is null)
        {
            if (countsTowardsThrottle)
            {
                await throttle.RecordFailureAsync(tx, keypad);
            }
            else
            {
                await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"scanner:{request.KeypadId}", AuditActions.CodeRejected,
                    request.SiteId, request.LockerId, Detail: "source=qr"));
            }
            return CodeCheckResult.Rejected;
        }
        if (countsTowardsThrottle)
        {
            await throttle.ResetAsync(tx, keypad);
        }
        return accepted;
    }

    /// <returns>The door to open, or null for every kind of "no" (one uniform answer).</returns>
    private async Task<CodeCheckResult?> TryAcceptAsync(IStoreTransaction tx, CodeCheckRequest request)
    {
        if (request.Code.Length is 0 or > MaxCodeLength)
        {
            return null;
        }
        var hash = hasher.HashCode(request.SiteId, request.Code);
        var code = await tx.Codes.FindLiveAsync(request.SiteId, hash);
        if (code is null || !CodeHasher.Matches(code.Hash, hash) || !SourceFits(code.Kind, request.Source))
        {
            return null;
        }
        var reservation = await tx.Reservations.GetAsync(code.ReservationId);
        if (reservation?.Compartment is not { } compartment)
        {
            return null;
        }
        // The door opens only for what the lifecycle would allow once it has opened.
        UnlockPurpose? purpose = code.Kind switch
        {
            CodeKind.Dropoff => UnlockPurpose.Deposit,
            CodeKind.PickupPin or CodeKind.PickupQr => UnlockPurpose.Pickup,
            _ => UnlockPurpose.Collect,
        };
        if (purpose != UnlockPurpose.Deposit && reservation.Move is not null
            && reservation.Status is ReservationStatus.ReadyForPickup or ReservationStatus.Expired && SameKind(code.Kind, reservation.Status))
        {
            // The right person, but staff have the parcel in hand: say so rather than "not accepted".
            return await UnavailableAsync(tx, request, reservation, compartment, DoorUnavailable.ParcelBeingMoved);
        }
        if (!lifecycle.Allows(reservation, purpose.Value.OpenedEvent()))
        {
            return null;
        }
        if (purpose == UnlockPurpose.Deposit)
        {
            compartment = await EnsureUsableForDepositAsync(tx, reservation, compartment);
        }
        if (await WhyUnavailableAsync(tx, compartment) is { } unavailable)
        {
            return await UnavailableAsync(tx, request, reservation, compartment, unavailable);
        }

        var now = time.GetStoreNow();
        await tx.LockerEvents.InsertIntentAsync(compartment, reservation.Id, code.Id, purpose.Value, now);
        await tx.Audit.AppendAsync(new AuditEntry(now, $"{request.Source.ToString().ToLowerInvariant()}:{request.KeypadId}",
            AuditActions.CodeAccepted, request.SiteId, compartment.LockerId, compartment.Number, reservation.Id,
            $"kind={code.Kind} purpose={purpose}"));
        return new CodeCheckResult(CodeCheckOutcome.Accepted, compartment, purpose, reservation.Id);
    }

    private async Task<CodeCheckResult?> TryCourierAsync(IStoreTransaction tx, CodeCheckRequest request)
    {
        if (request.Code.Length is 0 or > MaxCodeLength || await couriers.IdentifyAsync(tx, request.Code, request.Source == CodeSource.Qr) is not { } courier)
        {
            return null;
        }

        await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"{request.Source.ToString().ToLowerInvariant()}:{request.KeypadId}",
            AuditActions.CodeAccepted, request.SiteId, request.LockerId, Detail: $"kind=courier courier={courier.Id}"));
        return new CodeCheckResult(CodeCheckOutcome.Courier, Courier: courier);
    }

    /// <summary>
    /// If the held compartment is out of service (it was when nothing else was free), move the booking to the smallest
    /// free one that fits now (lifecycle: relocated, which tells the carrier); else the held one. A courier's round opens
    /// its deposits through this too.
    /// </summary>
    public async Task<CompartmentRef> EnsureUsableForDepositAsync(IStoreTransaction tx, Reservation reservation, CompartmentRef held)
    {
        if (await tx.Registry.GetCompartmentAsync(held) is { InService: true })
        {
            return held;
        }
        return (await availability.TryRelocateAsync(tx, reservation, "door out of service, courier at the locker", "gateway"))?.To ?? held;
    }

    /// <summary>Why the door cannot open for a code now, or null: out of service (the locker refuses it), or its locker offline.</summary>
    private static async Task<DoorUnavailable?> WhyUnavailableAsync(IStoreTransaction tx, CompartmentRef door)
    {
        if (await tx.Registry.GetCompartmentAsync(door) is not { InService: true })
        {
            return DoorUnavailable.OutOfService;
        }
        return await tx.Registry.GetLockerAsync(door.LockerId) is { Online: false } ? DoorUnavailable.LockerOffline : null;
    }

    private async Task<CodeCheckResult> UnavailableAsync(
        IStoreTransaction tx, CodeCheckRequest request, Reservation reservation, CompartmentRef door, DoorUnavailable why)
    {
        await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"{request.Source.ToString().ToLowerInvariant()}:{request.KeypadId}",
            AuditActions.CodeDoorUnavailable, request.SiteId, door.LockerId, door.Number, reservation.Id, $"reason={why}"));
        return new CodeCheckResult(CodeCheckOutcome.Unavailable, door, ReservationId: reservation.Id, Unavailable: why);
    }

    /// <summary>A pickup code belongs to a waiting parcel, a collect code to an expired one.</summary>
    private static bool SameKind(CodeKind kind, ReservationStatus status) =>
        status == ReservationStatus.Expired ? kind is not (CodeKind.PickupPin or CodeKind.PickupQr) : kind is CodeKind.PickupPin or CodeKind.PickupQr;

    /// <summary>QR tokens only from a scanner and PINs only from a keypad; drop-off and collect codes from either (typed or label).</summary>
    private static bool SourceFits(CodeKind kind, CodeSource source) => kind switch
    {
        CodeKind.PickupQr => source == CodeSource.Qr,
        CodeKind.PickupPin => source == CodeSource.Keypad,
        _ => true,
    };
}
