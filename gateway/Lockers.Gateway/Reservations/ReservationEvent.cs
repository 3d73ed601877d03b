namespace Lockers.Gateway.Reservations;

/// <summary>
/// What can happen to a reservation. <see cref="ReservationTransitions"/> says in which status each is allowed, the
/// status it leads to and what it implies; <see cref="ReservationLifecycle"/> carries it out. Names in the docs and
/// logs are snake_case (<see cref="ReservationTransitions.Name(ReservationEvent)"/>).
/// </summary>
public enum ReservationEvent
{
    /// <summary>A carrier booked a compartment: the reservation begins.</summary>
    Booked,
    /// <summary>The carrier cancelled before the deposit started.</summary>
    Cancelled,
    /// <summary>The carrier added hours to the pickup window.</summary>
    Extended,
    /// <summary>The held compartment went out of service before the deposit: the booking moved to a free one.</summary>
    Relocated,
    /// <summary>The door opened on the courier's drop-off code: no cancelling from here on.</summary>
    DepositStarted,
    /// <summary>The door closed on the deposited parcel.</summary>
    Deposited,
    /// <summary>The door opened on the recipient's PIN or QR code.</summary>
    PickedUp,
    /// <summary>The pickup window ran out.</summary>
    Expired,
    /// <summary>The door opened on the carrier's collect code (return to sender).</summary>
    Collected,
    /// <summary>The door closed after a pickup or collection: the compartment is free again.</summary>
    Emptied,
    /// <summary>The compartment went out of service or its locker offline: nobody could collect, the window stops.</summary>
    Paused,
    /// <summary>The compartment and its locker are available again: the deadline moves by the time lost.</summary>
    Resumed,
    /// <summary>Staff asked to move the parcel to another compartment of the site: the target is held, the parcel's door opens.</summary>
    MoveRequested,
    /// <summary>The parcel's door opened for the move: staff take the parcel out; the target door opens next.</summary>
    MoveSourceOpened,
    /// <summary>The target door opened for the move: staff put the parcel in.</summary>
    MoveTargetOpened,
    /// <summary>The target door closed on the parcel: the parcel is in its new compartment and the recipient's codes follow it.</summary>
    Moved,
    /// <summary>Staff gave up the move before the target door opened; the parcel stays where it was.</summary>
    MoveCancelled,
    /// <summary>
    /// The recipient sent the parcel to another site: before deposit the booking moves there; after deposit (where the
    /// carrier allows it) the parcel waits to be collected here and a new reservation, created by the same step, carries it.
    /// </summary>
    Redirected,
    /// <summary>The carrier asked for a new access link (and PIN, once deposited): the old ones stop working.</summary>
    Reissued,
    /// <summary>At a courier's round the parcel did not fit: the booking moves to a larger free compartment.</summary>
    Resized,
    /// <summary>At a courier's round a started deposit was given up (no larger door, or skipped): the courier keeps the parcel.</summary>
    DepositAbandoned,
}

/// <summary>
/// What a transition implies, carried out in this order by <see cref="ReservationLifecycle"/>: first the changes to the
/// reservation (written with one conditional update), then the effects on compartments and codes.
/// </summary>
public enum ReservationEffect
{
    /// <summary>deposited_at = now, unless already set (the deposit's first door opening).</summary>
    StampDeposit,
    /// <summary>pickup_deadline = now + the window's hours.</summary>
    StartWindow,
    /// <summary>The window's hours and the deadline grow by the hours asked for.</summary>
    LengthenWindow,
    /// <summary>deposited_at cleared: the deposit did not happen after all (the booking can be cancelled again).</summary>
    ClearDeposit,
    /// <summary>paused_since = now.</summary>
    PauseWindow,
    /// <summary>The deadline moves later by the time paused; paused_since cleared.</summary>
    ResumeWindow,
    /// <summary>paused_since cleared (the parcel left; the deadline no longer matters).</summary>
    EndPause,
    /// <summary>expired_at = now.</summary>
    StampExpired,
    /// <summary>closed_at = now; the sealed access token is erased (the link then shows only how it ended).</summary>
    Close,
    /// <summary>moved_at = now.</summary>
    StampMoved,
    /// <summary>The reservation moves to the site asked for (redirected_from = the old one) and to a compartment there.</summary>
    ChangeSite,
    /// <summary>The recipient's access link leaves this reservation (for the one that carries the parcel on); redirected_to is set.</summary>
    HandOverAccessLink,
    /// <summary>A new access link for the recipient (token, its hash and the sealed token); an older link stops working.</summary>
    IssueAccessLink,
    /// <summary>The compartment of a new booking is held for it.</summary>
    HoldCompartment,
    /// <summary>The reservation's compartment is no longer held (free for the next booking).</summary>
    ReleaseCompartment,
    /// <summary>The reservation moves to another compartment: the old one released, the new one held.</summary>
    MoveCompartment,
    /// <summary>The courier's drop-off code.</summary>
    IssueDropoffCode,
    RevokeDropoffCode,
    /// <summary>The recipient's PIN and QR token, derived from the access link's token.</summary>
    IssuePickupCodes,
    RevokePickupCodes,
    /// <summary>The carrier's code to collect the parcel (expired, redirected, or sent from the locker).</summary>
    IssueCollectCode,
    /// <summary>The window pauses or resumes for the compartment the parcel is in now (Paused or Resumed).</summary>
    RefreshPause,
    /// <summary>A guided move begins: its target and first step are set, and the target door is held for it.</summary>
    BeginMove,
    /// <summary>The move reaches its next step (the door it waited on opened).</summary>
    AdvanceMove,
    /// <summary>The move is done: the parcel's door is released, the target door becomes its compartment.</summary>
    CompleteMove,
    /// <summary>The move is given up: the target door is released, the parcel stays in its compartment.</summary>
    CancelMove,
    /// <summary>
    /// What may open the doors of the locker(s) the parcel was and is in changed (a code issued, spent or revoked, a deadline
    /// moved, a compartment changed): their offline code caches are due for a push (docs/adr/0211-offline-code-cache.md).
    /// </summary>
    RefreshCodeCache,
}

/// <summary>A condition beyond the status under which a transition is allowed.</summary>
public enum ReservationGuard
{
    None,
    /// <summary>deposited_at is not set: the courier has not opened the door yet.</summary>
    DepositNotStarted,
    /// <summary>The window is running (not paused).</summary>
    WindowRunning,
    /// <summary>The window is paused.</summary>
    WindowPaused,
    /// <summary>The window is running and its deadline has passed.</summary>
    WindowOver,
    /// <summary>No guided move is under way (nobody may take out a parcel staff are moving).</summary>
    NoMoveUnderway,
    /// <summary>A move is under way and waits for the parcel's own door to open.</summary>
    AwaitingSourceDoor,
    /// <summary>A move is under way and waits for the target door to open.</summary>
    AwaitingTargetDoor,
    /// <summary>A move is under way and waits for the target door to close on the parcel.</summary>
    AwaitingTargetClose,
    /// <summary>A move is under way and the target door has not opened yet (it can still be given up).</summary>
    MoveCancellable,
    /// <summary>The reservation is a delivery (to a recipient).</summary>
    Delivery,
    /// <summary>The reservation is a send from a locker.</summary>
    Send,
}
