using System.Globalization;
using Lockers.Core.Board;
using Lockers.Core.Texts;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Couriers;
using Lockers.Gateway.Guard;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Reservations.Rounds;

/// <summary>
/// A courier's round at a locker: the badge or PIN starts it (<see cref="StartAsync"/>); every drop-off booked at the site
/// by the courier's carrier then opens in turn, each as the previous door closes (<see cref="AfterDoorClosedAsync"/>), then
/// every parcel to collect (expired, redirected, sent from the locker). At the keypad the courier answers 0# (the parcel
/// does not fit: a larger free door opens instead), 8# (skip it) or 9# (end the round). Every door is opened through an
/// unlock intent on the parcel's own live code, so the code is spent and the parcel moves exactly as with a typed code;
/// every step is audited for the courier. HTTP- and MQTT-free: the link sends what a <see cref="RoundStep"/> says.
/// </summary>
public sealed class CourierRoundService(
    LockerCodeVerifier verifier, ReservationLifecycle lifecycle, UnlockGuard guard, IOptions<CouriersOptions> options, TimeProvider time)
{
    public const string DidNotFitKey = "0";
    public const string SkipKey = "8";
    public const string EndKey = "9";

    private static readonly ReservationStatus[] ToCollect = [ReservationStatus.Expired, ReservationStatus.Redirected, ReservationStatus.Deposited];

    /// <summary>Starts a round for <paramref name="courier"/> at <paramref name="locker"/> (ending one left open there) and opens its first door.</summary>
    public async Task<RoundStep> StartAsync(IStoreTransaction tx, Courier courier, Locker locker, string reader)
    {
        var now = time.GetStoreNow();
        if (await tx.Rounds.FindOpenAsync(locker.Id) is { } open)
        {
            await EndAsync(tx, open, now, "replaced by a new round");
        }

        var (deposits, collections) = await PendingAsync(tx, locker.SiteId, courier.ClientId, null);
        var round = new CourierRound(0, courier.Id, locker.SiteId, locker.Id, reader, now, now, null, null, null,
            deposits.Count, collections.Count, 0, 0, 0, 0, "");
        round = round with { Id = await tx.Rounds.InsertAsync(round) };
        await tx.Audit.AppendAsync(new AuditEntry(now, Actor(courier), AuditActions.RoundStarted, locker.SiteId, locker.Id,
            Detail: $"round={round.Id} deposits={deposits.Count} collections={collections.Count}"));
        return await AdvanceAsync(tx, round, courier, now);
    }

    /// <summary>
    /// 0#, 8# or 9# typed at a locker with an open round; null when it is not one of those or no round is open there (then
    /// it is an ordinary code). A round left idle, or whose courier was revoked, ends instead.
    /// </summary>
    public async Task<RoundStep?> HandleKeyAsync(IStoreTransaction tx, Locker locker, string code)
    {
        if (code is not (DidNotFitKey or SkipKey or EndKey) || await tx.Rounds.FindOpenAsync(locker.Id) is not { } round)
        {
            return null;
        }

        var now = time.GetStoreNow();
        var courier = await tx.Couriers.GetAsync(round.CourierId);
        if (courier is not { Active: true } || IsIdle(round, now) || code == EndKey)
        {
            return await FinishAsync(tx, round, courier, now, code == EndKey ? "ended by the courier" : "idle or courier revoked");
        }

        round = round with { LastActivityAt = now };
        return code == SkipKey ? await SkipAsync(tx, round, courier, now) : await DidNotFitAsync(tx, round, courier, now);
    }

    /// <summary>
    /// A door closed and its lifecycle step applied: when it was the round's current parcel and it is now done (deposited,
    /// or taken out), the round opens the next door. Null when no round waited for this parcel.
    /// </summary>
    public async Task<RoundStep?> AfterDoorClosedAsync(IStoreTransaction tx, Reservation reservation)
    {
        if (await tx.Rounds.FindOpenByReservationAsync(reservation.Id) is not { } round)
        {
            return null;
        }

        var now = time.GetStoreNow();
        var courier = await tx.Couriers.GetAsync(round.CourierId);
        if (courier is not { Active: true } || IsIdle(round, now))
        {
            await EndAsync(tx, round, now, "idle or courier revoked");
            return null;
        }

        var deposited = round.CurrentPurpose == UnlockPurpose.Deposit && reservation.Status != ReservationStatus.Booked;
        var collected = round.CurrentPurpose == UnlockPurpose.Collect && reservation.ClosedAt is not null;
        if (!deposited && !collected)
        {
            return null;
        }

        round = round with
        {
            DoneIn = round.DoneIn + (deposited ? 1 : 0), DoneOut = round.DoneOut + (collected ? 1 : 0),
            CurrentReservation = null, CurrentPurpose = null, LastActivityAt = now,
        };
        return await AdvanceAsync(tx, round, courier, now);
    }

    /// <summary>
    /// The round's instruction again once its door <paramref name="opened"/> (the locker's own "door N is open" replaced it
    /// on the display), or null when no round waits on that door.
    /// </summary>
    public async Task<RoundStep?> AfterDoorOpenedAsync(IStoreTransaction tx, CompartmentRef opened)
    {
        if (await tx.Reservations.FindHoldingAsync(opened) is not { } reservation
            || await tx.Rounds.FindOpenByReservationAsync(reservation.Id) is not { CurrentPurpose: { } purpose } round)
        {
            return null;
        }

        return Instruction(round, purpose, opened, null, reservation.Id, $"courier:{round.CourierId}");
    }

    private async Task<RoundStep> AdvanceAsync(IStoreTransaction tx, CourierRound round, Courier courier, DateTimeOffset now)
    {
        var (deposits, collections) = await PendingAsync(tx, round.SiteId, courier.ClientId, round);
        foreach (var (reservation, purpose) in deposits.Select(r => (r, UnlockPurpose.Deposit)).Concat(collections.Select(r => (r, UnlockPurpose.Collect))))
        {
            var code = await tx.Codes.FindLiveForReservationAsync(reservation.Id, purpose == UnlockPurpose.Deposit ? CodeKind.Dropoff : CodeKind.Collect);
            if (code is null || reservation.Compartment is not { } held)
            {
                continue;
            }

            var door = purpose == UnlockPurpose.Deposit ? await verifier.EnsureUsableForDepositAsync(tx, reservation, held) : held;
            return await OpenAsync(tx, round with { CurrentReservation = reservation.Id, CurrentPurpose = purpose }, courier, reservation.Id,
                code.Id, door, purpose, now, null);
        }

        return await FinishAsync(tx, round, courier, now, "nothing left");
    }

    private async Task<RoundStep> OpenAsync(IStoreTransaction tx, CourierRound round, Courier courier, string reservationId, long codeId,
        CompartmentRef door, UnlockPurpose purpose, DateTimeOffset now, int? largerMessage)
    {
        // A round's door passes the unlock guard like any code's (ADR 0110, ADR 0312): held unlocks, or one over the site's
        // or the fleet's ceiling, pause the round; what is still waiting is picked up by the next badge once staff release.
        var admission = await guard.AdmitAsync(tx, round.SiteId, door.LockerId, Actor(courier));
        if (!admission.IsAdmitted)
        {
            return await PauseAsync(tx, round, courier, reservationId, door, admission, now);
        }

        // The intent names the round's controller and reader: the door's opening clears that reader's failures.
        await tx.LockerEvents.InsertIntentAsync(door, reservationId, codeId, purpose, now, round.LockerId, round.Reader);
        round = round with { LastActivityAt = now };
        await tx.Rounds.UpdateAsync(round);
        var (position, total) = Position(round, purpose);
        await tx.Audit.AppendAsync(new AuditEntry(now, Actor(courier), AuditActions.RoundStep, round.SiteId, door.LockerId, door.Number,
            reservationId, $"round={round.Id} purpose={purpose} {position}/{total}"));
        return Instruction(round, purpose, door, largerMessage, reservationId, Actor(courier)) with { Unlock = door };
    }

    /// <summary>
    /// Unlocks are held where the round's next door is (ADR 0312): that door stays shut and the round ends here. Nothing of
    /// the parcel changed (it stays booked, or waiting to be collected, with its code); what was done stays done. The courier
    /// reads that the round is paused because unlocks are held here, with what was done so far, and goes on with the badge
    /// or PIN once staff release the hold (a new round plans only what still waits).
    /// </summary>
    private async Task<RoundStep> PauseAsync(IStoreTransaction tx, CourierRound round, Courier courier, string reservationId, CompartmentRef door,
        UnlockAdmission admission, DateTimeOffset now)
    {
        var hold = admission.Hold!;
        await tx.Audit.AppendAsync(new AuditEntry(now, Actor(courier), AuditActions.RoundHeld, round.SiteId, door.LockerId, door.Number,
            reservationId, $"scope={hold.Scope} kind={hold.Kind.ToString().ToLowerInvariant()} round={round.Id} tripped={(admission.Tripped ? "yes" : "no")}"));
        await EndAsync(tx, round, now, $"stopped by the unlock hold on {hold.Describe()}");
        return new RoundStep(round.LockerId, round.Reader, MessageKeys.RoundPaused, [Number(round.DoneIn), Number(round.DoneOut)], null,
            reservationId, Actor(courier))
        {
            HoldTripped = admission.Tripped,
        };
    }

    private async Task<RoundStep> SkipAsync(IStoreTransaction tx, CourierRound round, Courier courier, DateTimeOffset now)
    {
        if (round is { CurrentReservation: { } id, CurrentPurpose: { } purpose } && await tx.Reservations.GetAsync(id) is { } reservation)
        {
            var alreadyOut = purpose == UnlockPurpose.Collect && reservation.ClosedAt is not null;
            if (!alreadyOut && reservation.Compartment is { } door)
            {
                // Whatever the door does now, it no longer moves this parcel.
                await tx.LockerEvents.CloseOtherIntentsAsync(door, 0, now);
                await AbandonIfStartedAsync(tx, reservation, courier);
            }

            round = alreadyOut
                ? round with { DoneOut = round.DoneOut + 1 }
                : purpose == UnlockPurpose.Deposit ? round.Skip(id) with { PassedIn = round.PassedIn + 1 } : round.Skip(id) with { PassedOut = round.PassedOut + 1 };
            await tx.Audit.AppendAsync(new AuditEntry(now, Actor(courier), AuditActions.RoundSkipped, round.SiteId, reservation.Compartment?.LockerId,
                reservation.Compartment?.Number, id, $"round={round.Id} purpose={purpose}"));
        }

        return await AdvanceAsync(tx, round with { CurrentReservation = null, CurrentPurpose = null }, courier, now);
    }

    private async Task<RoundStep> DidNotFitAsync(IStoreTransaction tx, CourierRound round, Courier courier, DateTimeOffset now)
    {
        if (round is not { CurrentReservation: { } id, CurrentPurpose: UnlockPurpose.Deposit }
            || await tx.Reservations.GetAsync(id) is not { Status: ReservationStatus.Booked, Compartment: { } door } reservation)
        {
            // Nothing of this round is being put in right now: say again what is.
            await tx.Rounds.UpdateAsync(round);
            return round is { CurrentReservation: { } current, CurrentPurpose: { } purpose } && await tx.Reservations.GetAsync(current) is { Compartment: { } at }
                ? Instruction(round, purpose, at, null, current, Actor(courier))
                : await AdvanceAsync(tx, round, courier, now);
        }

        var size = (await tx.Registry.GetCompartmentAsync(door))?.Size ?? reservation.Size;
        var larger = size == CompartmentSize.XL ? null
            : await tx.Registry.FindFreeCompartmentAsync(reservation.SiteId, (CompartmentSize)((int)size + 1), reservation.Accessible);
        await tx.LockerEvents.CloseOtherIntentsAsync(door, 0, now);
        await tx.Audit.AppendAsync(new AuditEntry(now, Actor(courier), AuditActions.RoundDidNotFit, round.SiteId, door.LockerId, door.Number, id,
            $"round={round.Id} size={CompartmentSizes.ToName(size)} larger={(larger is null ? "none" : larger.Ref.ToString())}"));

        if (larger is not null)
        {
            var resized = await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.Resized, new TransitionInput(Actor(courier), Compartment: larger.Ref));
            var code = resized.Applied ? await tx.Codes.FindLiveForReservationAsync(id, CodeKind.Dropoff) : null;
            if (code is not null)
            {
                return await OpenAsync(tx, round, courier, id, code.Id, larger.Ref, UnlockPurpose.Deposit, now, MessageKeys.RoundLarger);
            }
        }

        // No larger door: the courier keeps the parcel; 8# goes on with the next one.
        await AbandonIfStartedAsync(tx, reservation, courier);
        round = round.Skip(id) with { PassedIn = round.PassedIn + 1, CurrentReservation = null, CurrentPurpose = null };
        await tx.Rounds.UpdateAsync(round);
        return new RoundStep(round.LockerId, round.Reader, MessageKeys.RoundNoLarger, [], null, id, Actor(courier)) { RestSeconds = RestSeconds(round) };
    }

    /// <summary>A deposit whose door already opened is given up: the booking gets a new drop-off code and can be tried again.</summary>
    private async Task AbandonIfStartedAsync(IStoreTransaction tx, Reservation reservation, Courier courier)
    {
        if (reservation.Status == ReservationStatus.Booked && reservation.DepositedAt is not null)
        {
            await lifecycle.ApplyAsync(tx, reservation, ReservationEvent.DepositAbandoned, new TransitionInput(Actor(courier)));
        }
    }

    private async Task<RoundStep> FinishAsync(IStoreTransaction tx, CourierRound round, Courier? courier, DateTimeOffset now, string why)
    {
        await EndAsync(tx, round, now, why);
        var nothing = round.DoneIn + round.DoneOut + round.PassedIn + round.PassedOut == 0 && round.PlannedIn + round.PlannedOut == 0;
        return nothing
            ? new RoundStep(round.LockerId, round.Reader, MessageKeys.RoundNothing, [], null, null, ActorOf(round, courier))
            : new RoundStep(round.LockerId, round.Reader, MessageKeys.RoundDone, [Number(round.DoneIn), Number(round.DoneOut)], null, null,
                ActorOf(round, courier));
    }

    private static async Task EndAsync(IStoreTransaction tx, CourierRound round, DateTimeOffset now, string why)
    {
        await tx.Rounds.UpdateAsync(round with { EndedAt = now, CurrentReservation = null, CurrentPurpose = null });
        await tx.Audit.AppendAsync(new AuditEntry(now, $"courier:{round.CourierId}", AuditActions.RoundEnded, round.SiteId, round.LockerId,
            Detail: $"round={round.Id} deposited={round.DoneIn} collected={round.DoneOut} skipped={round.PassedIn + round.PassedOut} ({why})"));
    }

    /// <summary>
    /// The carrier's drop-offs (deliveries not yet being deposited) and parcels to collect at the site, in door order (each
    /// controller's doors by number), so the courier works along the cabinet.
    /// </summary>
    private static async Task<(IReadOnlyList<Reservation> Deposits, IReadOnlyList<Reservation> Collections)> PendingAsync(
        IStoreTransaction tx, string siteId, string clientId, CourierRound? round)
    {
        bool Open(Reservation r) => round is null || !round.HasSkipped(r.Id) && r.Id != round.CurrentReservation;
        var deposits = (await tx.Reservations.ListAtSiteAsync(siteId, clientId, [ReservationStatus.Booked]))
            .Where(r => r.Kind == ReservationKind.Delivery && r.DepositedAt is null && Open(r)).OrderBy(DoorOrder).ToList();
        var collections = (await tx.Reservations.ListAtSiteAsync(siteId, clientId, ToCollect)).Where(Open).OrderBy(DoorOrder).ToList();
        return (deposits, collections);
    }

    private static (string, int) DoorOrder(Reservation r) => (r.Compartment?.LockerId ?? "", r.Compartment?.Number ?? 0);

    private RoundStep Instruction(CourierRound round, UnlockPurpose purpose, CompartmentRef door, int? larger, string reservationId, string actor)
    {
        var label = door.LockerId == round.LockerId ? Number(door.Number) : $"{door.LockerId}/{Number(door.Number)}";
        if (larger is { } key)
        {
            return new RoundStep(round.LockerId, round.Reader, key, [label], null, reservationId, actor) { RestSeconds = RestSeconds(round) };
        }

        var (position, total) = Position(round, purpose);
        return new RoundStep(round.LockerId, round.Reader, purpose == UnlockPurpose.Deposit ? MessageKeys.RoundDeposit : MessageKeys.RoundCollect,
            [Number(position), Number(total), label], null, reservationId, actor) { RestSeconds = RestSeconds(round) };
    }

    /// <summary>
    /// How long a step of a live round rests on the locker's display: until the round would be given up as idle (ADR 0311),
    /// so a locker whose gateway went silent drops the guidance when the gateway would have dropped the round; at least 1 s.
    /// </summary>
    private int RestSeconds(CourierRound round)
    {
        var left = round.LastActivityAt + TimeSpan.FromMinutes(options.Value.RoundIdleMinutes) - time.GetStoreNow();
        return (int)Math.Clamp(Math.Ceiling(left.TotalSeconds), 1, Lockers.Core.Commands.SignedCommand.MaxRestS);
    }

    /// <summary>Which parcel of the phase this is, of how many (more may have been booked since the round began).</summary>
    private static (int Position, int Total) Position(CourierRound round, UnlockPurpose purpose)
    {
        var position = purpose == UnlockPurpose.Deposit ? round.DoneIn + round.PassedIn + 1 : round.DoneOut + round.PassedOut + 1;
        return (position, Math.Max(position, purpose == UnlockPurpose.Deposit ? round.PlannedIn : round.PlannedOut));
    }

    private bool IsIdle(CourierRound round, DateTimeOffset now) => now - round.LastActivityAt > TimeSpan.FromMinutes(options.Value.RoundIdleMinutes);

    private static string Actor(Courier courier) => $"courier:{courier.Id}";

    private static string ActorOf(CourierRound round, Courier? courier) => courier is null ? $"courier:{round.CourierId}" : Actor(courier);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);
}
