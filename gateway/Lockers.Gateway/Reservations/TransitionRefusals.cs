namespace Lockers.Gateway.Reservations;

/// <summary>
/// Why <see cref="ReservationLifecycle"/> refuses a step, in words a person can act on: no row of
/// <see cref="ReservationTransitions"/> allows it from the reservation's state, or the row's guard does not hold.
/// </summary>
internal static class TransitionRefusals
{
    /// <summary>Why <paramref name="row"/>'s guard does not hold for <paramref name="r"/> now, or null when it does.</summary>
    public static string? Guard(ReservationTransition row, Reservation r, DateTimeOffset now) => row.Guard switch
    {
        ReservationGuard.DepositNotStarted when r.DepositedAt is not null =>
            $"The reservation is being deposited; {ReservationTransitions.Name(row.Event)} is possible only before the courier opens the door.",
        ReservationGuard.WindowRunning when r.PausedSince is not null => "The pickup window is already paused.",
        ReservationGuard.WindowPaused when r.PausedSince is null => "The pickup window is not paused.",
        ReservationGuard.WindowOver when r.PausedSince is not null || r.PickupDeadline is not { } deadline || deadline > now =>
            "The pickup window has not run out (or is paused).",
        ReservationGuard.NoMoveUnderway when r.Move is { } move =>
            $"Staff are moving the parcel to {move.Target}; {ReservationTransitions.Name(row.Event)} is possible once the move is done or cancelled.",
        ReservationGuard.AwaitingSourceDoor when r.Move is not { Step: MoveStep.Requested } => NotAtStep(r, row),
        ReservationGuard.AwaitingTargetDoor when r.Move is not { Step: MoveStep.SourceOpened } => NotAtStep(r, row),
        ReservationGuard.AwaitingTargetClose when r.Move is not { Step: MoveStep.TargetOpened } => NotAtStep(r, row),
        ReservationGuard.MoveCancellable when r.Move is not { Step: MoveStep.Requested or MoveStep.SourceOpened } => r.Move is null
            ? "No move is under way."
            : "The target door has opened: finish the move by closing it on the parcel.",
        _ => null,
    };

    private static string NotAtStep(Reservation r, ReservationTransition row) => r.Move is { } move
        ? $"The move is at step {ParcelMoves.ToWire(move.Step)}; {ReservationTransitions.Name(row.Event)} does not follow it."
        : "No move is under way.";

    /// <summary>Why no row of the table takes <paramref name="r"/> through <paramref name="event"/>.</summary>
    public static string NotAllowed(Reservation r, ReservationEvent @event)
    {
        var from = ReservationTransitions.RowsOf(@event).Select(row => row.From?.ToWire() ?? "(new)").Distinct();
        return $"The reservation is {Describe(r)}; {ReservationTransitions.Name(@event)} is possible only when it is {string.Join(" or ", from)}.";
    }

    private static string Describe(Reservation r) =>
        r.Status == ReservationStatus.Booked && r.DepositedAt is not null ? "being deposited" : r.Status.ToWire();
}
