using System.Text;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Webhooks;
using static Lockers.Gateway.Reservations.ReservationEffect;
using static Lockers.Gateway.Reservations.ReservationEvent;
using static Lockers.Gateway.Reservations.ReservationGuard;
using static Lockers.Gateway.Reservations.ReservationStatus;

namespace Lockers.Gateway.Reservations;

/// <summary>
/// One row of the parcel lifecycle: in status <see cref="From"/> (null: the reservation does not exist yet),
/// <see cref="Event"/> is allowed when <see cref="Guard"/> holds, leads to <see cref="To"/>, and implies
/// <see cref="Effects"/>, the <see cref="Webhooks"/> sent to the carrier and the <see cref="AuditAction"/> written.
/// </summary>
public sealed record ReservationTransition(
    ReservationStatus? From, ReservationEvent Event, ReservationStatus To, ReservationGuard Guard,
    IReadOnlyList<ReservationEffect> Effects, IReadOnlyList<string> Webhooks, string? AuditAction);

/// <summary>
/// The parcel lifecycle as a table: the only statement of which status may follow which, and what each step does.
/// <see cref="ReservationLifecycle"/> executes it; docs/api.md ("Statuses") shows it, and a test keeps the two equal.
/// A pair (status, event) that is not here is refused. Later steps (a physical move, a redirect, a send from a locker)
/// are new rows here and, when they need one, a new effect. A delivery and a send from a locker share the table; where
/// they part (the door closing on the deposit), two rows with the guards delivery and send say so.
/// </summary>
public static class ReservationTransitions
{
    public static IReadOnlyList<ReservationTransition> All { get; } =
    [
        Row(null, ReservationEvent.Booked, ReservationStatus.Booked, None, [HoldCompartment, IssueAccessLink, IssueDropoffCode, RefreshCodeCache], [],
            AuditActions.ReservationBooked),
        Row(null, ReservationEvent.Redirected, ReservationStatus.Booked, None, [HoldCompartment, IssueDropoffCode, RefreshCodeCache],
            [WebhookEvents.Redirected], AuditActions.ReservationRedirected),
        Row(ReservationStatus.Booked, ReservationEvent.Cancelled, ReservationStatus.Cancelled, DepositNotStarted,
            [Close, ReleaseCompartment, RevokeDropoffCode, RefreshCodeCache], [], AuditActions.ReservationCancelled),
        Row(ReservationStatus.Booked, Extended, ReservationStatus.Booked, None, [LengthenWindow], [WebhookEvents.Extended], AuditActions.ReservationExtended),
        Row(ReadyForPickup, Extended, ReadyForPickup, None, [LengthenWindow, RefreshCodeCache], [WebhookEvents.Extended], AuditActions.ReservationExtended),
        Row(ReservationStatus.Booked, Relocated, ReservationStatus.Booked, DepositNotStarted, [MoveCompartment, RefreshCodeCache],
            [WebhookEvents.Relocated], AuditActions.ReservationRelocated),
        Row(ReservationStatus.Booked, DepositStarted, ReservationStatus.Booked, None, [StampDeposit, RefreshCodeCache], [], null),
        Row(ReservationStatus.Booked, ReservationEvent.Deposited, ReadyForPickup, ReservationGuard.Delivery,
            [StampDeposit, StartWindow, IssuePickupCodes, RefreshCodeCache], [WebhookEvents.Deposited, WebhookEvents.ReadyForPickup], null),
        Row(ReservationStatus.Booked, ReservationEvent.Deposited, ReservationStatus.Deposited, ReservationGuard.Send,
            [StampDeposit, IssueCollectCode, RefreshCodeCache], [WebhookEvents.Deposited], null),
        Row(ReadyForPickup, ReservationEvent.PickedUp, ReservationStatus.PickedUp, NoMoveUnderway,
            [EndPause, Close, RevokePickupCodes, RefreshCodeCache], [WebhookEvents.PickedUp], null),
        Row(ReadyForPickup, ReservationEvent.Expired, ReservationStatus.Expired, WindowOver,
            [StampExpired, RevokePickupCodes, IssueCollectCode, RefreshCodeCache], [WebhookEvents.Expired], AuditActions.ReservationExpired),
        Row(ReservationStatus.Expired, ReservationEvent.Collected, Returned, NoMoveUnderway, [Close, RefreshCodeCache], [WebhookEvents.Returned], null),
        Row(ReservationStatus.Redirected, ReservationEvent.Collected, Returned, None, [Close, RefreshCodeCache], [WebhookEvents.Returned], null),
        Row(ReservationStatus.Deposited, ReservationEvent.Collected, ReservationStatus.Collected, None, [Close, RefreshCodeCache],
            [WebhookEvents.Collected], null),
        Row(ReservationStatus.PickedUp, Emptied, ReservationStatus.PickedUp, None, [ReleaseCompartment], [], null),
        Row(Returned, Emptied, Returned, None, [ReleaseCompartment], [], null),
        Row(ReservationStatus.Collected, Emptied, ReservationStatus.Collected, None, [ReleaseCompartment], [], null),
        Row(ReadyForPickup, Paused, ReadyForPickup, WindowRunning, [PauseWindow], [], null),
        Row(ReadyForPickup, Resumed, ReadyForPickup, WindowPaused, [ResumeWindow, RefreshCodeCache], [], null),
        // A guided move (ADR 0305): the parcel's door opens, then the target door; the recipient's codes follow the parcel
        // only when the target door closed on it. While it is under way no locker may open for them offline either.
        Row(ReadyForPickup, MoveRequested, ReadyForPickup, NoMoveUnderway, [BeginMove, RefreshCodeCache], [], AuditActions.ParcelMoveRequested),
        Row(ReadyForPickup, MoveSourceOpened, ReadyForPickup, AwaitingSourceDoor, [AdvanceMove], [], null),
        Row(ReadyForPickup, MoveTargetOpened, ReadyForPickup, AwaitingTargetDoor, [AdvanceMove], [], null),
        Row(ReadyForPickup, Moved, ReadyForPickup, AwaitingTargetClose, [CompleteMove, StampMoved, RefreshPause, RefreshCodeCache],
            [WebhookEvents.ParcelMoved], AuditActions.ParcelMoved),
        Row(ReadyForPickup, MoveCancelled, ReadyForPickup, MoveCancellable, [CancelMove, RefreshCodeCache], [], AuditActions.ParcelMoveCancelled),
        Row(ReservationStatus.Expired, MoveRequested, ReservationStatus.Expired, NoMoveUnderway, [BeginMove, RefreshCodeCache], [],
            AuditActions.ParcelMoveRequested),
        Row(ReservationStatus.Expired, MoveSourceOpened, ReservationStatus.Expired, AwaitingSourceDoor, [AdvanceMove], [], null),
        Row(ReservationStatus.Expired, MoveTargetOpened, ReservationStatus.Expired, AwaitingTargetDoor, [AdvanceMove], [], null),
        Row(ReservationStatus.Expired, Moved, ReservationStatus.Expired, AwaitingTargetClose, [CompleteMove, StampMoved, RefreshCodeCache],
            [WebhookEvents.ParcelMoved], AuditActions.ParcelMoved),
        Row(ReservationStatus.Expired, MoveCancelled, ReservationStatus.Expired, MoveCancellable, [CancelMove, RefreshCodeCache], [],
            AuditActions.ParcelMoveCancelled),
        // The recipient's parcel page and the courier's round (issue 15). Every step that issues, revokes or moves a code
        // a locker may check offline refreshes the caches of the lockers the parcel was and is in.
        Row(ReservationStatus.Booked, ReservationEvent.Redirected, ReservationStatus.Booked, DepositNotStarted,
            [ChangeSite, MoveCompartment, RevokeDropoffCode, IssueDropoffCode, RefreshCodeCache], [WebhookEvents.Redirected],
            AuditActions.ReservationRedirected),
        Row(ReadyForPickup, ReservationEvent.Redirected, ReservationStatus.Redirected, NoMoveUnderway,
            [EndPause, HandOverAccessLink, RevokePickupCodes, IssueCollectCode, RefreshCodeCache], [WebhookEvents.Redirected],
            AuditActions.ReservationRedirected),
        // Before deposit no pickup code exists yet: a new link changes nothing a locker checks.
        Row(ReservationStatus.Booked, Reissued, ReservationStatus.Booked, None, [IssueAccessLink], [], AuditActions.AccessReissued),
        Row(ReadyForPickup, Reissued, ReadyForPickup, None, [IssueAccessLink, RevokePickupCodes, IssuePickupCodes, RefreshCodeCache], [],
            AuditActions.AccessReissued),
        Row(ReservationStatus.Booked, Resized, ReservationStatus.Booked, None,
            [MoveCompartment, ClearDeposit, RevokeDropoffCode, IssueDropoffCode, RefreshCodeCache], [WebhookEvents.DropoffCodeChanged],
            AuditActions.ReservationResized),
        Row(ReservationStatus.Booked, DepositAbandoned, ReservationStatus.Booked, None,
            [ClearDeposit, RevokeDropoffCode, IssueDropoffCode, RefreshCodeCache], [WebhookEvents.DropoffCodeChanged], AuditActions.DepositAbandoned),
    ];

    /// <summary>
    /// The row for <paramref name="event"/> from <paramref name="from"/> for a reservation of <paramref name="kind"/>: at most
    /// one, since rows sharing a status and an event differ by the kind they apply to (guard delivery or send).
    /// </summary>
    public static ReservationTransition? Find(ReservationStatus? from, ReservationEvent @event, ReservationKind kind = ReservationKind.Delivery) =>
        All.FirstOrDefault(row => row.From == from && row.Event == @event && AppliesTo(row.Guard, kind));

    /// <summary>Whether a row guarded by <paramref name="guard"/> can apply to a reservation of <paramref name="kind"/>.</summary>
    public static bool AppliesTo(ReservationGuard guard, ReservationKind kind) => guard switch
    {
        ReservationGuard.Delivery => kind == ReservationKind.Delivery,
        ReservationGuard.Send => kind == ReservationKind.Send,
        _ => true,
    };

    /// <summary>The statuses <paramref name="event"/> is allowed from, for refusals a person can act on.</summary>
    public static IEnumerable<ReservationTransition> RowsOf(ReservationEvent @event) => All.Where(row => row.Event == @event);

    public static string Name(ReservationEvent value) => Snake(value.ToString());

    public static string Name(ReservationEffect value) => Snake(value.ToString());

    public static string Name(ReservationGuard value) => Snake(value.ToString());

    private static ReservationTransition Row(
        ReservationStatus? from, ReservationEvent @event, ReservationStatus to, ReservationGuard guard,
        ReservationEffect[] effects, string[] webhooks, string? audit) => new(from, @event, to, guard, effects, webhooks, audit);

    private static string Snake(string pascal)
    {
        var text = new StringBuilder(pascal.Length + 4);
        foreach (var c in pascal)
        {
            if (char.IsUpper(c) && text.Length > 0)
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(c));
        }

        return text.ToString();
    }
}
