namespace Lockers.Gateway.Throttle;

/// <summary>
/// What failures are counted against: one reader (a keypad or a scanner) of a locker, or, with an empty
/// <see cref="ReaderId"/>, the whole locker across its readers.
/// </summary>
public readonly record struct ThrottleScope(string SiteId, string LockerId, string ReaderId)
{
    public static ThrottleScope Reader(string siteId, string lockerId, string readerId) => new(siteId, lockerId, readerId);

    public static ThrottleScope Locker(string siteId, string lockerId) => new(siteId, lockerId, "");

    public bool IsLocker => ReaderId.Length == 0;

    /// <summary>The locker this reader belongs to.</summary>
    public ThrottleScope WholeLocker => Locker(SiteId, LockerId);

    public override string ToString() => IsLocker ? $"{SiteId}/{LockerId}" : $"{SiteId}/{LockerId}/{ReaderId}";
}

/// <summary>Consecutive failures of a scope since its last confirmed success, and when it may try again.</summary>
public sealed record ThrottleState(int Failures, DateTimeOffset? BlockedUntil);

/// <summary>Failed entries of one code family at a site inside the budget window, and when the oldest of them was.</summary>
public sealed record SiteFailures(int Count, DateTimeOffset? Oldest);

/// <summary>Which limit holds an entry back.</summary>
public enum HoldScope
{
    /// <summary>This reader's own delay after its failures.</summary>
    Reader,
    /// <summary>The locker's delay, after failures across all its readers.</summary>
    Locker,
    /// <summary>The site's budget for the code family is spent (Throttle:SiteFailureBudget within SiteBudgetWindowHours).</summary>
    Site,
}

/// <summary>An entry held back without being checked: by what, and for how long.</summary>
public sealed record GuessHold(HoldScope Scope, CodeFamily Family, TimeSpan RetryAfter);

/// <summary>
/// What one failure did: the counts it raised and the holds that now stand (null when none). The site's budget is spent
/// when <see cref="SiteHeldUntil"/> is set.
/// </summary>
public sealed record GuessFailure(
    CodeFamily Family, int ReaderFailures, int LockerFailures, int SiteFailures,
    DateTimeOffset? ReaderHeldUntil, DateTimeOffset? LockerHeldUntil, DateTimeOffset? SiteHeldUntil)
{
    public bool HoldsAnything => ReaderHeldUntil is not null || LockerHeldUntil is not null || SiteHeldUntil is not null;
}

/// <summary>A reader (or, with an empty <see cref="ReaderId"/>, a whole locker) held back until <see cref="Until"/>.</summary>
public sealed record HeldReader(string SiteId, string LockerId, string ReaderId, DateTimeOffset Until);

/// <summary>
/// A site whose budget for <see cref="Family"/> is spent: <see cref="Failures"/> failed entries since the window began, the
/// oldest at <see cref="Oldest"/>; <see cref="FirstLockerId"/> is the site's first locker (by id), where the alarm is shown.
/// </summary>
public sealed record SpentSiteBudget(string SiteId, CodeFamily Family, int Failures, DateTimeOffset Oldest, string FirstLockerId);
