using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;

namespace Lockers.Gateway.Reservations.Doors;

/// <summary>A code typed at a keypad or read by a scanner.</summary>
public sealed record CodeCheckRequest(string SiteId, string LockerId, string KeypadId, string Code, CodeSource Source);

public enum CodeCheckOutcome
{
    /// <summary>Open <see cref="CodeCheckResult.Compartment"/>; the code is consumed when the door confirms.</summary>
    Accepted,
    /// <summary>Wrong, expired, spent or unknown: deliberately one answer for all of them.</summary>
    Rejected,
    /// <summary>This keypad must wait <see cref="CodeCheckResult.RetryAfter"/> before the next try; the code was not checked.</summary>
    Throttled,
    /// <summary>
    /// The code is right but its door cannot open now (<see cref="CodeCheckResult.Unavailable"/> says why): the code stays
    /// valid, nothing is unlocked, and the person is told what to do.
    /// </summary>
    Unavailable,
    /// <summary>A courier's badge or PIN: <see cref="CodeCheckResult.Courier"/> starts a round at this locker.</summary>
    Courier,
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

public sealed record CodeCheckResult(
    CodeCheckOutcome Outcome, CompartmentRef? Compartment = null, UnlockPurpose? Purpose = null,
    string? ReservationId = null, TimeSpan? RetryAfter = null, DoorUnavailable? Unavailable = null, Couriers.Courier? Courier = null)
{
    public static CodeCheckResult Rejected { get; } = new(CodeCheckOutcome.Rejected);

    public static CodeCheckResult Throttled(TimeSpan retryAfter) => new(CodeCheckOutcome.Throttled, RetryAfter: retryAfter);
}
