using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Reservations.Doors;

/// <summary>Why a door is being opened.</summary>
public enum UnlockPurpose
{
    Deposit,
    Pickup,
    Collect,
}

public static class UnlockPurposes
{
    /// <summary>The lifecycle event the door's opening is, for this kind of unlock.</summary>
    public static ReservationEvent OpenedEvent(this UnlockPurpose purpose) => purpose switch
    {
        UnlockPurpose.Deposit => ReservationEvent.DepositStarted,
        UnlockPurpose.Pickup => ReservationEvent.PickedUp,
        _ => ReservationEvent.Collected,
    };
}

/// <summary>pending: the gateway asked for the door; opened: the sensor confirmed; jammed: it did not open; done: closed again.</summary>
public enum UnlockIntentStatus
{
    Pending,
    Opened,
    Jammed,
    Done,
}

/// <summary>
/// A door the gateway decided to open because a code matched; the code is consumed only when the door confirms.
/// <see cref="EntryLockerId"/> and <see cref="ReaderId"/> say where the code was entered (possibly another controller of the
/// site): the door's confirmation clears that reader's failures (ADR 0108). Null for intents written before schema step 7.
/// </summary>
public sealed record UnlockIntent(
    long Id, CompartmentRef Compartment, string ReservationId, long CodeId, UnlockPurpose Purpose,
    UnlockIntentStatus Status, DateTimeOffset CreatedAt, string? EntryLockerId = null, string? ReaderId = null);
