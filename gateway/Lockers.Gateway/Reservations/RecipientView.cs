using Lockers.Gateway.Clients;
using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Reservations;

/// <summary>What the recipient's parcel page says, one per state a recipient (or sender) can meet.</summary>
public enum RecipientPageState
{
    /// <summary>Booked, not yet in the locker.</summary>
    OnTheWay,
    /// <summary>In the locker: PIN and QR.</summary>
    Waiting,
    /// <summary>In the locker, moved by staff to another door since it arrived.</summary>
    Moved,
    /// <summary>Sent to another site by the recipient; on its way there.</summary>
    Redirected,
    /// <summary>Picked up.</summary>
    Collected,
    /// <summary>Not picked up in time: going back (expired, then returned).</summary>
    Expired,
    /// <summary>Cancelled by the carrier before deposit.</summary>
    Cancelled,
    /// <summary>A send from a locker: waiting for the sender to put it in.</summary>
    SendBooked,
    /// <summary>A send from a locker: in the locker, waiting for the carrier.</summary>
    SendDeposited,
    /// <summary>A send from a locker: the carrier took it.</summary>
    SendCollected,
}

/// <summary>
/// Everything the parcel page shows for one reservation, read in one unit of work: the state, the site and the door, the
/// PIN (derived from the link, shown while the parcel waits) and what the recipient may do under the carrier's policy.
/// </summary>
public sealed record RecipientView(
    Reservation Reservation, RecipientPageState State, Site Site, Locker? Locker, Compartment? Compartment, Site? RedirectedFrom,
    string? Pin, bool QrAvailable, RecipientPolicy Policy, int ExtensionHoursLeft, int ExtensionStepHours, bool RedirectAllowed,
    IReadOnlyList<NearbySite> RedirectChoices, DateTimeOffset Now)
{
    /// <summary>Hours one extend button adds: the step, or what is left when less.</summary>
    public int NextExtensionHours => Math.Min(ExtensionStepHours, ExtensionHoursLeft);

    /// <summary>Time left to pick up (zero once past); null without a running deadline.</summary>
    public TimeSpan? TimeLeft => Reservation.PickupDeadline is { } deadline
        ? deadline - (Reservation.PausedSince ?? Now) is var left && left > TimeSpan.Zero ? left : TimeSpan.Zero
        : null;
}

/// <summary>Why the page refused an action; the page words it in the reader's language. Nothing was changed.</summary>
public enum RecipientRefusal
{
    /// <summary>The parcel is no longer in a state where this is possible.</summary>
    NotNow,
    /// <summary>The extension would pass the carrier's policy or the longest window (the argument: hours still possible).</summary>
    BeyondPolicy,
    /// <summary>The chosen site has no free compartment of the size any more (the argument: the site's name).</summary>
    TargetFull,
    /// <summary>The carrier does not allow this (a redirect once deposited, or at all).</summary>
    NotAllowed,
    /// <summary>The request names no valid choice (hours, site).</summary>
    Invalid,
}

/// <summary>How a recipient's request ended.</summary>
public abstract record RecipientOutcome
{
    public sealed record Done(RecipientView View) : RecipientOutcome;
    public sealed record NotFound : RecipientOutcome;
    public sealed record Refused(RecipientRefusal Reason, RecipientView View, string? Argument = null) : RecipientOutcome;
}
