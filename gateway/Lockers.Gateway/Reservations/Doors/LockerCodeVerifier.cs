using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Couriers;
using Lockers.Gateway.Guard;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Lockers.Gateway.Throttle;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Reservations.Doors;

/// <summary>
/// Checks a code entered at a locker and says which door to open. In order: unlocks held at the site or in the fleet
/// (<see cref="UnlockGuard"/>) answer without a check; the guessing budget (<see cref="GuessingBudget"/>: reader, locker,
/// site and code family) may hold the entry back; then the code is looked up. A right code whose door cannot open now (out of
/// service, offline, being moved) is told so; otherwise it passes the guard's per-minute ceilings before an unlock intent is
/// written. It consumes nothing: the code is spent only when the door reports it opened
/// (<see cref="DoorEventService.ConfirmOpenedAsync"/>), which is also the only thing that clears the reader's failures, so a
/// jammed or unavailable door leaves the recipient's code valid and gives a guesser nothing.
/// </summary>
public sealed class LockerCodeVerifier(
    ILockerStore store, CodeHasher hasher, GuessingBudget budget, UnlockGuard guard, ReservationLifecycle lifecycle,
    AvailabilityService availability, CourierService couriers, IOptions<CodesOptions> codes, TimeProvider time)
{
    private const int MaxCodeLength = 64;

    public Task<CodeCheckResult> CheckCodeAsync(CodeCheckRequest request, CancellationToken cancellationToken = default) =>
        store.ExecuteAsync(tx => CheckCodeAsync(tx, request), cancellationToken);

    /// <summary>The check inside a caller's unit of work (the locker link claims the event, checks and signs in one).</summary>
    public async Task<CodeCheckResult> CheckCodeAsync(IStoreTransaction tx, CodeCheckRequest request)
    {
        if (await guard.FindHoldAsync(tx, request.SiteId) is { } hold)
        {
            await AuditAsync(tx, request, AuditActions.CodeHeld, $"scope={hold.Scope} kind={hold.Kind.ToString().ToLowerInvariant()}");
            return CodeCheckResult.Held(new UnlockAdmission(hold));
        }

        var reader = ThrottleScope.Reader(request.SiteId, request.LockerId, request.ReaderId);
        var family = CodeFamilies.Classify(request.Code, request.Source, codes.Value);
        if (await budget.CheckAsync(tx, reader, family) is { } held)
        {
            await AuditAsync(tx, request, AuditActions.CodeThrottled,
                $"family={family.Name()} held_by={held.Scope.ToString().ToLowerInvariant()} retry_after={Math.Ceiling(held.RetryAfter.TotalSeconds)}s");
            return CodeCheckResult.Throttled(held);
        }

        // A parcel's code first; failing that, a courier's badge or PIN. Either way a miss counts against the same budgets (a
        // courier PIN has a family of its own), so a courier PIN is as hard to guess as any code typed there. A right code
        // (accepted, held by the guard, or its door unavailable) clears nothing here: only the door's opening does.
        return await TryAcceptAsync(tx, request)
            ?? await TryCourierAsync(tx, request)
            ?? CodeCheckResult.Rejected(await budget.RecordFailureAsync(tx, reader, family, request.Actor));
    }

    /// <summary>
    /// Reconciles a door a locker opened from its offline cache. When the code is still live for that very compartment and the
    /// lifecycle would allow what the opening means, it is recorded as that code's unlock intent (audited "opened offline"):
    /// the door's opened event then spends the code and moves the parcel on, exactly as online. Otherwise it is a conflict
    /// (the parcel was cancelled, moved, picked up or expired meanwhile), audited; nothing changes.
    /// </summary>
    public async Task<OfflineCodeOutcome> AcceptOfflineAsync(IStoreTransaction tx, OfflineCodeUse use)
    {
        var now = time.GetStoreNow();
        var actor = $"{use.Source.ToString().ToLowerInvariant()}:{use.Reader}";
        var found = await tx.Codes.GetAsync(use.CodeId);
        var code = found?.Code;
        var reservation = code is null ? null : await tx.Reservations.GetAsync(code.ReservationId);
        UnlockPurpose? purpose = code is null ? null : PurposeOf(code.Kind);
        var conflict = (code, reservation) switch
        {
            (null, _) => AlarmDetails.English("AlarmPart.NeverIssued"),
            (_, null) => AlarmDetails.English("AlarmPart.NoSuchReservation"),
            _ when code.SiteId != use.SiteId => AlarmDetails.English("AlarmPart.OtherSite"),
            _ when !found!.Live => AlarmDetails.English("AlarmPart.NoLongerValid", Describe(reservation)),
            _ when reservation.Compartment != use.Compartment => reservation.Compartment is { } elsewhere
                ? AlarmDetails.English("AlarmPart.ParcelElsewhere", elsewhere)
                : AlarmDetails.English("AlarmPart.ParcelNowhere"),
            _ when reservation.Move is not null && purpose != UnlockPurpose.Deposit => AlarmDetails.English("AlarmPart.BeingMoved"),
            _ when !lifecycle.Allows(reservation, purpose!.Value.OpenedEvent()) => AlarmDetails.English(purpose.Value switch
            {
                UnlockPurpose.Deposit => "AlarmPart.NoDeposit",
                UnlockPurpose.Pickup => "AlarmPart.NoPickup",
                _ => "AlarmPart.NoCollection",
            }, Describe(reservation)),
            _ => null,
        };
        var detail = $"entry={use.Entry} ref={use.CodeId} purpose={purpose?.ToString() ?? "unknown"}";
        if (conflict is not null)
        {
            await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.CodeOfflineConflict, use.SiteId, use.Compartment.LockerId,
                use.Compartment.Number, reservation?.Id, $"{detail}: {conflict}"));
            return OfflineCodeOutcome.Conflicting(conflict, reservation?.Id, purpose);
        }

        // The locker that opened is the one whose reader took the code.
        await tx.LockerEvents.InsertIntentAsync(use.Compartment, reservation!.Id, code!.Id, purpose!.Value, now,
            use.Compartment.LockerId, use.Reader);
        await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.CodeOpenedOffline, use.SiteId, use.Compartment.LockerId,
            use.Compartment.Number, reservation.Id, $"{detail} kind={code.Kind}"));
        return new OfflineCodeOutcome(true, reservation.Id, purpose, null);
    }

    /// <summary>The reservation's state in the words of an alarm detail (English, read back in the reader's language).</summary>
    private static string Describe(Reservation r) =>
        r.Status == ReservationStatus.Booked && r.DepositedAt is not null
            ? AlarmDetails.English("AlarmPart.BeingDeposited")
            : DashboardTexts.English.Word("ParcelStatus", r.Status.ToWire());

    private static UnlockPurpose PurposeOf(CodeKind kind) => kind switch
    {
        CodeKind.Dropoff => UnlockPurpose.Deposit,
        CodeKind.PickupPin or CodeKind.PickupQr => UnlockPurpose.Pickup,
        _ => UnlockPurpose.Collect,
    };

    /// <returns>The door to open, why it cannot open now, a refusal by the guard, or null for every kind of "no" (one uniform answer).</returns>
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
        UnlockPurpose? purpose = PurposeOf(code.Kind);
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
        // A right code still opens nothing beyond the site's and the fleet's ceilings (the guard counts this unlock).
        var admission = await guard.AdmitAsync(tx, request.SiteId, compartment.LockerId, request.Actor);
        if (!admission.IsAdmitted)
        {
            await AuditAsync(tx, request, AuditActions.CodeHeld, $"scope={admission.Hold!.Scope} right code, unlock refused by the guard");
            return CodeCheckResult.Held(admission);
        }

        var now = time.GetStoreNow();
        await tx.LockerEvents.InsertIntentAsync(compartment, reservation.Id, code.Id, purpose.Value, now, request.LockerId, request.ReaderId);
        await tx.Audit.AppendAsync(new AuditEntry(now, request.Actor, AuditActions.CodeAccepted, request.SiteId, compartment.LockerId,
            compartment.Number, reservation.Id, $"kind={code.Kind} purpose={purpose}"));
        return new CodeCheckResult(CodeCheckOutcome.Accepted, compartment, purpose, reservation.Id);
    }

    private async Task<CodeCheckResult?> TryCourierAsync(IStoreTransaction tx, CodeCheckRequest request)
    {
        if (request.Code.Length is 0 or > MaxCodeLength || await couriers.IdentifyAsync(tx, request.Code, request.Source == CodeSource.Qr) is not { } courier)
        {
            return null;
        }

        await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), request.Actor,
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
        await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), request.Actor,
            AuditActions.CodeDoorUnavailable, request.SiteId, door.LockerId, door.Number, reservation.Id, $"reason={why}"));
        return new CodeCheckResult(CodeCheckOutcome.Unavailable, door, ReservationId: reservation.Id, Unavailable: why);
    }

    private Task AuditAsync(IStoreTransaction tx, CodeCheckRequest request, string action, string detail) =>
        tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), request.Actor, action, request.SiteId, request.LockerId, Detail: detail));

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
