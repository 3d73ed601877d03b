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
    /// <summary>A courier's badge or PIN: <see cref="CodeCheckResult.Courier"/> starts a round at this locker.</summary>
    Courier,
}

public sealed record CodeCheckResult(
    CodeCheckOutcome Outcome, CompartmentRef? Compartment = null, UnlockPurpose? Purpose = null,
    string? ReservationId = null, TimeSpan? RetryAfter = null, Couriers.Courier? Courier = null)
{
    public static CodeCheckResult Rejected { get; } = new(CodeCheckOutcome.Rejected);

    public static CodeCheckResult Throttled(TimeSpan retryAfter) => new(CodeCheckOutcome.Throttled, RetryAfter: retryAfter);
}
