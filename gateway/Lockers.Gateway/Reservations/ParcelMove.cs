using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Reservations;

/// <summary>
/// How far a guided parcel move has come (ADR 0305): staff asked for it and the parcel's door is being opened; that
/// door opened (staff take the parcel) and the target door is being opened; the target door opened (staff put the
/// parcel in). The move ends when the target door closes on the parcel (<see cref="ReservationEvent.Moved"/>), or is
/// cancelled before that.
/// </summary>
public enum MoveStep
{
    /// <summary>Staff asked for the move; the parcel's own door is being opened.</summary>
    Requested,
    /// <summary>The parcel's door opened; the target door is being opened.</summary>
    SourceOpened,
    /// <summary>The target door opened; the move is done when it closes.</summary>
    TargetOpened,
}

/// <summary>A guided move under way: the door the parcel is going to and the step reached.</summary>
public sealed record ParcelMove(CompartmentRef Target, MoveStep Step);

public static class ParcelMoves
{
    public static string ToWire(MoveStep step) => step switch
    {
        MoveStep.Requested => "requested",
        MoveStep.SourceOpened => "source_opened",
        _ => "target_opened",
    };

    public static MoveStep Parse(string text) => text switch
    {
        "requested" => MoveStep.Requested,
        "source_opened" => MoveStep.SourceOpened,
        "target_opened" => MoveStep.TargetOpened,
        _ => throw new FormatException($"unknown move step '{text}'"),
    };

    /// <summary>The door the move waits on: the parcel's own until it opened, then the target.</summary>
    public static CompartmentRef WaitingDoor(Reservation reservation) =>
        reservation.Move is { Step: MoveStep.Requested } ? reservation.Compartment!.Value : reservation.Move!.Target;
}
