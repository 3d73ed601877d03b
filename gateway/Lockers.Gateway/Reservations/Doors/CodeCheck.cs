using Lockers.Gateway.Codes;
using Lockers.Gateway.Guard;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Throttle;

namespace Lockers.Gateway.Reservations.Doors;

/// <summary>
/// A code typed at a keypad or read by a scanner. <see cref="ReaderId"/> is the reader's id: the locker link checks it is one
/// the locker was provisioned with (ADR 0109) before it asks.
/// </summary>
public sealed record CodeCheckRequest(string SiteId, string LockerId, string ReaderId, string Code, CodeSource Source)
{
    /// <summary>Who entered it, for the audit log: "keypad:kp-1", "qr:a-qr".</summary>
    public string Actor => $"{(Source == CodeSource.Qr ? "qr" : "keypad")}:{ReaderId}";
}

public enum CodeCheckOutcome
{
    /// <summary>Open <see cref="CodeCheckResult.Compartment"/>; the code is consumed when the door confirms.</summary>
    Accepted,
    /// <summary>Wrong, expired, spent or unknown: deliberately one answer for all of them.</summary>
    Rejected,
    /// <summary>The reader, its locker or the site's budget for this code family holds it back for <see cref="CodeCheckResult.RetryAfter"/>; not checked.</summary>
    Throttled,
    /// <summary>
    /// The code is right but its door cannot open now (<see cref="CodeCheckResult.Unavailable"/> says why): the code stays
    /// valid, nothing is unlocked, and the person is told what to do.
    /// </summary>
    Unavailable,
    /// <summary>A courier's badge or PIN: <see cref="CodeCheckResult.Courier"/> starts a round at this locker.</summary>
    Courier,
    /// <summary>Unlocks are held at the site or in the fleet (<see cref="CodeCheckResult.UnlockHold"/>): by staff, or by the anomaly guard.</summary>
    Held,
}

/// <summary>Why the door of a right code cannot open now.</summary>
public enum DoorUnavailable
{
    /// <summary>The compartment (or its whole locker) is out of service; the pickup window is paused.</summary>
    OutOfService,
    /// <summary>The locker controller holding the parcel is offline; the pickup window is paused.</summary>
    LockerOffline,
    /// <summary>Staff are moving the parcel to another compartment.</summary>
    ParcelBeingMoved,
}

/// <param name="Failure">For <see cref="CodeCheckOutcome.Rejected"/>: what the failure counted and which holds it set.</param>
/// <param name="GuessHold">For <see cref="CodeCheckOutcome.Throttled"/>: what held the entry back.</param>
/// <param name="UnlockHold">For <see cref="CodeCheckOutcome.Held"/>: the hold; <paramref name="HoldTripped"/> when this entry made it.</param>
/// <param name="Unavailable">For <see cref="CodeCheckOutcome.Unavailable"/>: why the right code's door cannot open now.</param>
public sealed record CodeCheckResult(
    CodeCheckOutcome Outcome, CompartmentRef? Compartment = null, UnlockPurpose? Purpose = null,
    string? ReservationId = null, TimeSpan? RetryAfter = null, GuessFailure? Failure = null, GuessHold? GuessHold = null,
    UnlockHold? UnlockHold = null, bool HoldTripped = false, DoorUnavailable? Unavailable = null, Couriers.Courier? Courier = null)
{
    public static CodeCheckResult Rejected(GuessFailure failure) => new(CodeCheckOutcome.Rejected, Failure: failure);

    public static CodeCheckResult Throttled(GuessHold hold) => new(CodeCheckOutcome.Throttled, RetryAfter: hold.RetryAfter, GuessHold: hold);

    public static CodeCheckResult Held(UnlockAdmission admission) =>
        new(CodeCheckOutcome.Held, UnlockHold: admission.Hold, HoldTripped: admission.Tripped);

    /// <summary>
    /// True when the check set a hold that locker health should show (pin_throttle, guessing_budget, unlock_anomaly). An entry
    /// merely held back by a standing hold changes nothing: health knows that hold already, and a flood of them must not
    /// make health re-read every hold each time.
    /// </summary>
    public bool ChangesHolds => Failure?.HoldsAnything == true || HoldTripped;
}

/// <summary>
/// A locker opened <see cref="Compartment"/> on its own for cached code <see cref="CodeId"/> (a code_offline event): the code
/// entered at <see cref="Reader"/> matched its offline cache while it could not reach the gateway.
/// </summary>
public sealed record OfflineCodeUse(string SiteId, CompartmentRef Compartment, long CodeId, string Reader, CodeSource Source, long Entry);

/// <summary>
/// What the gateway made of an offline opening: accepted (the door's opening will spend the code and move the parcel on, as
/// online), or a conflict, in words for the audit trail and the alarm, when the code no longer fits that door.
/// </summary>
public sealed record OfflineCodeOutcome(bool Accepted, string? ReservationId, UnlockPurpose? Purpose, string? Conflict)
{
    public static OfflineCodeOutcome Conflicting(string conflict, string? reservationId = null, UnlockPurpose? purpose = null) =>
        new(false, reservationId, purpose, conflict);
}
