using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;
using Lockers.Gateway.Webhooks;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Reservations;

/// <summary>
/// The parcel lifecycle: the only code that creates a reservation or changes its status, times, window, pause or
/// compartment (a test over the compiled gateway holds this). Every step is a row of <see cref="ReservationTransitions"/>,
/// carried out inside the caller's unit of work: a step the table does not allow is refused with a reason a person can
/// act on and logged, before anything is written; an allowed one writes the reservation with one update conditional on
/// the status it was read in, then runs the row's effects, webhooks and audit line. An effect that fails throws, and the
/// caller's unit of work rolls back whole: never half a step.
/// </summary>
public sealed class ReservationLifecycle(
    CodeIssuer codes, SecretSealer sealer, WebhookEnqueuer webhooks, IOptions<ReservationsOptions> options, TimeProvider time,
    ILogger<ReservationLifecycle> logger)
{
    /// <summary>What the sealed access token is bound to (associated data), so no other sealed secret can pass for it.</summary>
    public const string AccessTokenPurpose = "access-token";

    /// <summary>The reservation begins: booked into <paramref name="compartment"/>, which is held, with the courier's drop-off code.</summary>
    public Task<TransitionResult> BookAsync(
        IStoreTransaction tx, string clientId, BookingRequest request, CompartmentRef compartment, string auditDetail)
    {
        var now = time.GetStoreNow();
        var reservation = new Reservation
        {
            Id = NewReservationId(),
            ClientId = clientId,
            SiteId = request.SiteId,
            Size = request.Size,
            Accessible = request.Accessible,
            ParcelReference = request.ParcelReference,
            RecipientEmail = request.Email,
            RecipientPhone = request.Phone,
            PickupWindowHours = request.PickupWindowHours,
            Kind = request.Kind,
            Status = ReservationStatus.Booked,
            Compartment = compartment,
            CreatedAt = now,
        };
        var row = ReservationTransitions.Find(null, ReservationEvent.Booked, request.Kind)!;
        return CarryOutAsync(tx, reservation, reservation, row, new TransitionInput($"client:{clientId}", Compartment: compartment, AuditDetail: auditDetail), now,
            isNew: true);
    }

    /// <summary>
    /// The second half of a redirect after deposit: a new reservation <paramref name="newId"/> at <paramref name="siteId"/>,
    /// booked into <paramref name="compartment"/>, carrying on the parcel of <paramref name="from"/> as it was before the
    /// redirect (its recipient, window and access link; call after <see cref="ApplyAsync"/> handed the link over).
    /// </summary>
    public Task<TransitionResult> CarryOnAsync(
        IStoreTransaction tx, Reservation from, string newId, string siteId, CompartmentRef compartment, TransitionInput input)
    {
        var now = time.GetStoreNow();
        var reservation = new Reservation
        {
            Id = newId,
            ClientId = from.ClientId,
            SiteId = siteId,
            Size = from.Size,
            Accessible = from.Accessible,
            ParcelReference = from.ParcelReference,
            RecipientEmail = from.RecipientEmail,
            RecipientPhone = from.RecipientPhone,
            PickupWindowHours = from.PickupWindowHours,
            RecipientExtendedHours = from.RecipientExtendedHours,
            Kind = from.Kind,
            Status = ReservationStatus.Booked,
            Compartment = compartment,
            CreatedAt = now,
            AccessTokenHash = from.AccessTokenHash,
            AccessTokenSealed = from.AccessTokenSealed,
            RedirectedFrom = from.SiteId,
        };
        var row = ReservationTransitions.Find(null, ReservationEvent.Redirected, from.Kind)!;
        return CarryOutAsync(tx, reservation, reservation, row, input with { Compartment = compartment }, now, isNew: true);
    }

    /// <summary>A new reservation id (for a redirect after deposit, known before the new reservation is written).</summary>
    public static string NewReservationId() => "rsv_" + CodeGenerator.Token(15);

    /// <summary>Applies <paramref name="event"/> to <paramref name="reservation"/> as read in this unit of work.</summary>
    public async Task<TransitionResult> ApplyAsync(IStoreTransaction tx, Reservation reservation, ReservationEvent @event, TransitionInput input)
    {
        var now = time.GetStoreNow();
        var row = ReservationTransitions.Find(reservation.Status, @event, reservation.Kind);
        var refusal = row is null ? TransitionRefusals.NotAllowed(reservation, @event) : TransitionRefusals.Guard(row, reservation, now);
        if (refusal is not null)
        {
            logger.LogWarning("Reservation {ReservationId}: {Event} refused ({Actor}): {Reason}",
                reservation.Id, ReservationTransitions.Name(@event), input.Actor, refusal);
            return new TransitionResult(reservation, refusal, new IssuedCodes());
        }

        return await CarryOutAsync(tx, reservation, Change(reservation, row!, input, now), row!, input, now, isNew: false);
    }

    /// <summary>Whether <paramref name="event"/> would be allowed now (the table and its guard), without doing it.</summary>
    public bool Allows(Reservation reservation, ReservationEvent @event) =>
        ReservationTransitions.Find(reservation.Status, @event, reservation.Kind) is { } row && TransitionRefusals.Guard(row, reservation, time.GetStoreNow()) is null;

    /// <summary>
    /// Pauses or resumes the pickup window of a parcel waiting in its compartment, after the compartment's service state
    /// or its locker's online state changed: nobody can collect from an unavailable door. Anything else is left as it is.
    /// </summary>
    public async Task<Reservation> RefreshPauseAsync(IStoreTransaction tx, Reservation reservation)
    {
        if (reservation.Status != ReservationStatus.ReadyForPickup || reservation.Compartment is not { } held
            || await tx.Registry.GetLockerAsync(held.LockerId) is not { } locker)
        {
            return reservation;
        }

        var unavailable = !locker.Online || await tx.Registry.GetCompartmentAsync(held) is not { InService: true };
        ReservationEvent? change = (unavailable, reservation.PausedSince) switch
        {
            (true, null) => ReservationEvent.Paused,
            (false, not null) => ReservationEvent.Resumed,
            _ => null,
        };
        return change is { } @event ? (await ApplyAsync(tx, reservation, @event, new TransitionInput("gateway"))).Reservation : reservation;
    }

    /// <summary>The recipient's parcel page; whoever holds the link can see the PIN and show the QR at the locker.</summary>
    public string AccessLinkFor(string accessToken) => $"{options.Value.PublicBaseUrl.TrimEnd('/')}/r/{accessToken}";

    /// <summary>The access token of a reservation still open, from its sealed copy; null once closed or for an old reservation.</summary>
    public string? AccessTokenOf(Reservation reservation) =>
        reservation.AccessTokenSealed is { } sealedToken ? sealer.Unseal(sealedToken, AccessTokenPurpose) : null;

    private async Task<TransitionResult> CarryOutAsync(
        IStoreTransaction tx, Reservation before, Reservation after, ReservationTransition row, TransitionInput input, DateTimeOffset now, bool isNew)
    {
        // What is part of the reservation is decided before the write: a new link's hash and sealed token, and which
        // derivation of the link the PIN is. The codes themselves are stored after it, by the effects.
        string? accessToken = null;
        var pinIndex = 0;
        if (row.Effects.Contains(ReservationEffect.IssueAccessLink))
        {
            accessToken = CodeGenerator.Token();
            after = WithAccessLink(after, accessToken);
        }

        if (row.Effects.Contains(ReservationEffect.IssuePickupCodes))
        {
            accessToken ??= AccessTokenOf(after);
            if (accessToken is null)
            {
                // Booked before links were issued at booking: the link is made now, as it always was.
                accessToken = CodeGenerator.Token();
                after = WithAccessLink(after, accessToken);
            }

            pinIndex = await codes.ChoosePinIndexAsync(tx, after.SiteId, accessToken);
            after = after with { PinIndex = pinIndex };
        }

        if (isNew)
        {
            await tx.Reservations.InsertAsync(after);
        }
        else if (after != before && !await tx.Reservations.UpdateAsync(after, before.Status))
        {
            return new TransitionResult(before, "The reservation changed meanwhile; read it again.", new IssuedCodes());
        }

        var issued = new IssuedCodes(AccessToken: accessToken);
        foreach (var effect in row.Effects)
        {
            switch (effect)
            {
                case ReservationEffect.HoldCompartment:
                    await HoldAsync(tx, after.Compartment!.Value, after.Id);
                    break;
                case ReservationEffect.ReleaseCompartment when before.Compartment is { } held:
                    await tx.Registry.ReleaseHoldAsync(held, after.Id);
                    break;
                case ReservationEffect.MoveCompartment:
                    await tx.Registry.ReleaseHoldAsync(before.Compartment!.Value, after.Id);
                    await HoldAsync(tx, after.Compartment!.Value, after.Id);
                    break;
                case ReservationEffect.IssueDropoffCode:
                    issued = issued with { DropoffCode = await codes.IssueDropoffCodeAsync(tx, after.Id, after.SiteId) };
                    break;
                case ReservationEffect.RevokeDropoffCode:
                    await tx.Codes.RevokeAsync(after.Id, [CodeKind.Dropoff], now);
                    break;
                case ReservationEffect.IssuePickupCodes:
                    issued = issued with { Pickup = await codes.IssuePickupCodesAsync(tx, after.Id, after.SiteId, accessToken!, pinIndex) };
                    break;
                case ReservationEffect.RevokePickupCodes:
                    await tx.Codes.RevokeAsync(after.Id, [CodeKind.PickupPin, CodeKind.PickupQr], now);
                    break;
                case ReservationEffect.IssueCollectCode:
                    issued = issued with { CollectCode = await codes.IssueCollectCodeAsync(tx, after.Id, after.SiteId) };
                    break;
                case ReservationEffect.RefreshPause:
                    after = await RefreshPauseAsync(tx, after);
                    break;
                case ReservationEffect.BeginMove:
                    await HoldAsync(tx, after.Move!.Target, after.Id, HoldPurpose.MoveTarget);
                    break;
                case ReservationEffect.CompleteMove:
                    await tx.Registry.ReleaseHoldAsync(before.Compartment!.Value, after.Id);
                    await tx.Registry.PromoteMoveHoldAsync(after.Compartment!.Value, after.Id);
                    break;
                case ReservationEffect.CancelMove:
                    await tx.Registry.ReleaseHoldAsync(before.Move!.Target, after.Id);
                    break;
                case ReservationEffect.RefreshCodeCache:
                    foreach (var lockerId in new[] { before.Compartment?.LockerId, after.Compartment?.LockerId }.OfType<string>().Distinct())
                    {
                        await tx.CodeCaches.MarkChangedAsync(lockerId);
                    }

                    break;
            }
        }

        foreach (var type in row.Webhooks)
        {
            await webhooks.EnqueueAsync(tx, after.ClientId, after.Id, type, ReservationResponse.From(after), SecretsFor(type, issued));
        }

        if (row.AuditAction is { } action)
        {
            foreach (var entry in AuditEntries(action, row.Event, before, after, input, now))
            {
                await tx.Audit.AppendAsync(entry);
            }
        }

        return new TransitionResult(after, null, issued);
    }

    private Reservation WithAccessLink(Reservation reservation, string accessToken) => reservation with
    {
        AccessTokenHash = codes.HashAccessToken(accessToken),
        AccessTokenSealed = sealer.Seal(accessToken, AccessTokenPurpose),
    };

    /// <summary>The reservation as the row's field effects leave it (nothing is written here).</summary>
    private static Reservation Change(Reservation r, ReservationTransition row, TransitionInput input, DateTimeOffset now)
    {
        var next = r with { Status = row.To };
        foreach (var effect in row.Effects)
        {
            next = effect switch
            {
                ReservationEffect.StampDeposit => next with { DepositedAt = next.DepositedAt ?? now },
                ReservationEffect.StartWindow => next with { PickupDeadline = now.AddHours(next.PickupWindowHours) },
                ReservationEffect.LengthenWindow => next with
                {
                    PickupWindowHours = next.PickupWindowHours + input.Hours,
                    PickupDeadline = next.PickupDeadline?.AddHours(input.Hours),
                    RecipientExtendedHours = next.RecipientExtendedHours + (input.ByRecipient ? input.Hours : 0),
                },
                ReservationEffect.ClearDeposit => next with { DepositedAt = null },
                ReservationEffect.StampMoved => next with { MovedAt = now },
                ReservationEffect.ChangeSite => next with
                {
                    SiteId = input.SiteId ?? throw new ArgumentException($"{ReservationTransitions.Name(row.Event)} needs the site to move to"),
                    RedirectedFrom = r.SiteId,
                },
                ReservationEffect.HandOverAccessLink => next with
                {
                    AccessTokenHash = null,
                    AccessTokenSealed = null,
                    RedirectedTo = input.NewReservationId ?? throw new ArgumentException($"{ReservationTransitions.Name(row.Event)} needs the new reservation"),
                },
                ReservationEffect.PauseWindow => next with { PausedSince = now },
                ReservationEffect.ResumeWindow => next with { PausedSince = null, PickupDeadline = next.PickupDeadline + (now - next.PausedSince!.Value) },
                ReservationEffect.EndPause => next with { PausedSince = null },
                ReservationEffect.StampExpired => next with { ExpiredAt = now },
                ReservationEffect.Close => next with { ClosedAt = now, AccessTokenSealed = null },
                ReservationEffect.MoveCompartment => next with { Compartment = TargetOf(row, input) },
                ReservationEffect.BeginMove => next with { Move = new ParcelMove(TargetOf(row, input), MoveStep.Requested) },
                ReservationEffect.AdvanceMove => next with
                {
                    Move = next.Move! with { Step = next.Move.Step == MoveStep.Requested ? MoveStep.SourceOpened : MoveStep.TargetOpened },
                },
                ReservationEffect.CompleteMove => next with { Compartment = next.Move!.Target, Move = null },
                ReservationEffect.CancelMove => next with { Move = null },
                _ => next,
            };
        }

        return next;
    }

    private static CompartmentRef TargetOf(ReservationTransition row, TransitionInput input) =>
        input.Compartment ?? throw new ArgumentException($"{ReservationTransitions.Name(row.Event)} needs the compartment to move to");

    private static async Task HoldAsync(IStoreTransaction tx, CompartmentRef compartment, string reservationId, HoldPurpose purpose = HoldPurpose.Parcel)
    {
        if (!await tx.Registry.TryHoldAsync(compartment, reservationId, purpose))
        {
            throw new CompartmentTakenException(compartment);
        }
    }

    /// <summary>The codes a webhook carries (sealed in the outbox until delivery).</summary>
    private object? SecretsFor(string type, IssuedCodes issued) => type switch
    {
        WebhookEvents.ReadyForPickup when issued.Pickup is { } pickup => new
        {
            pickupPin = pickup.Pin,
            accessLink = AccessLinkFor(pickup.AccessToken),
            qrToken = pickup.QrToken,
        },
        WebhookEvents.Expired or WebhookEvents.Deposited when issued.CollectCode is { } collectCode => new { collectCode },
        WebhookEvents.Redirected when issued.CollectCode is { } collectCode => new { collectCode },
        WebhookEvents.Redirected or WebhookEvents.DropoffCodeChanged when issued.DropoffCode is { } dropoffCode => new { dropoffCode },
        _ => null,
    };

    private static IEnumerable<AuditEntry> AuditEntries(
        string action, ReservationEvent @event, Reservation before, Reservation after, TransitionInput input, DateTimeOffset now)
    {
        switch (@event)
        {
            case ReservationEvent.Cancelled:
                yield return new AuditEntry(now, input.Actor, action, after.SiteId, ReservationId: after.Id);
                break;
            case ReservationEvent.Extended:
                yield return new AuditEntry(now, input.Actor, action, after.SiteId, ReservationId: after.Id,
                    Detail: $"hours=+{input.Hours} total={after.PickupWindowHours}" + (input.ByRecipient ? $" by=recipient recipient_total={after.RecipientExtendedHours}" : ""));
                break;
            case ReservationEvent.Redirected:
                // Before deposit the booking itself moved; after it, the parcel waits here and a new reservation carries it on.
                yield return new AuditEntry(now, input.Actor, action, after.SiteId, after.Compartment?.LockerId, after.Compartment?.Number, after.Id,
                    after.RedirectedTo is { } next
                        ? $"from={after.SiteId} to={input.SiteId} carried_on_by={next}"
                        : $"from={after.RedirectedFrom} to={after.SiteId}" + (input.AuditDetail is { } extra ? " " + extra : ""));
                break;
            case ReservationEvent.Moved or ReservationEvent.Relocated or ReservationEvent.MoveRequested or ReservationEvent.MoveCancelled:
                // On both lockers' audit trails when the parcel (or booking) changes locker.
                var (from, to) = @event switch
                {
                    ReservationEvent.Moved => (before.Compartment!.Value, after.Compartment!.Value),
                    ReservationEvent.MoveCancelled => (before.Compartment!.Value, before.Move!.Target),
                    _ => (before.Compartment!.Value, input.Compartment!.Value),
                };
                var (verb, after_) = @event switch
                {
                    ReservationEvent.MoveRequested => ("move", " requested"),
                    ReservationEvent.MoveCancelled => ("move", " cancelled"),
                    _ => ("moved", ""),
                };
                var why = input.AuditDetail is { } detail ? $" ({detail})" : "";
                yield return new AuditEntry(now, input.Actor, action, after.SiteId, from.LockerId, from.Number, after.Id, $"{verb} to {to}{after_}{why}");
                if (to.LockerId != from.LockerId)
                {
                    yield return new AuditEntry(now, input.Actor, action, after.SiteId, to.LockerId, to.Number, after.Id, $"{verb} from {from}{after_}{why}");
                }

                break;
            default:
                yield return new AuditEntry(now, input.Actor, action, after.SiteId, before.Compartment?.LockerId, before.Compartment?.Number,
                    after.Id, input.AuditDetail);
                break;
        }
    }
}
