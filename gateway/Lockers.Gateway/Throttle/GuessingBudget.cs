using Lockers.Gateway.Audit;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Throttle;

/// <summary>
/// How many code guesses anyone gets (ADR 0108). Failures are counted per reader, per locker (across its keypad and
/// scanner) and per site and code family, in the store so every gateway sees the same counts:
/// <list type="bullet">
/// <item>a reader and its locker each wait <see cref="ThrottleOptions.DelaysSeconds"/> after their n-th failure in a row;</item>
/// <item>a site takes at most <see cref="ThrottleOptions.SiteFailureBudget"/> failed entries of one family (PIN, drop-off)
/// within <see cref="ThrottleOptions.SiteBudgetWindowHours"/>; past that, entries of the family wait until the oldest
/// failure leaves the window;</item>
/// <item>only a door that opened clears a reader's and its locker's counts (<see cref="ConfirmSuccessAsync"/>): a code
/// accepted for a door held shut proves nothing;</item>
/// <item>QR tokens from a scanner are exempt from all of it: 128 random bits cannot be guessed, and the rightful
/// recipient always keeps that path.</item>
/// </list>
/// Holds are not alarms: locker health reads them from the store (pin_throttle, guessing_budget).
/// </summary>
public sealed class GuessingBudget(IOptions<ThrottleOptions> options, TimeProvider time)
{
    private readonly ThrottleOptions _options = options.Value;

    /// <summary>Null when the entry may be checked now; otherwise what holds it back and for how long.</summary>
    public async Task<GuessHold?> CheckAsync(IStoreTransaction tx, ThrottleScope reader, CodeFamily family)
    {
        if (!family.IsThrottled())
        {
            return null;
        }
        var now = time.GetStoreNow();
        var readerWait = Remaining(await tx.Throttle.GetAsync(reader), now);
        var lockerWait = Remaining(await tx.Throttle.GetAsync(reader.WholeLocker), now);
        if (readerWait > TimeSpan.Zero || lockerWait > TimeSpan.Zero)
        {
            return readerWait >= lockerWait
                ? new GuessHold(HoldScope.Reader, family, readerWait)
                : new GuessHold(HoldScope.Locker, family, lockerWait);
        }
        if (family.HasSiteBudget() && SiteHeldUntil(await CountSiteAsync(tx, reader.SiteId, family, now)) is { } until)
        {
            return new GuessHold(HoldScope.Site, family, until - now);
        }
        return null;
    }

    /// <summary>Counts a failed entry against the reader, its locker and the site's family budget, and audits it.</summary>
    public async Task<GuessFailure> RecordFailureAsync(IStoreTransaction tx, ThrottleScope reader, CodeFamily family, string actor)
    {
        var now = time.GetStoreNow();
        if (!family.IsThrottled())
        {
            await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.CodeRejected, reader.SiteId, reader.LockerId,
                Detail: $"family={family.Name()} (not counted: a QR token cannot be guessed)"));
            return new GuessFailure(family, 0, 0, 0, null, null, null);
        }
        var (readerFailures, readerUntil) = await CountAsync(tx, reader, now);
        var (lockerFailures, lockerUntil) = await CountAsync(tx, reader.WholeLocker, now);
        var site = new SiteFailures(0, null);
        if (family.HasSiteBudget())
        {
            await tx.Throttle.AddSiteFailureAsync(reader.SiteId, reader.LockerId, family, now, now - _options.SiteBudgetWindow);
            site = await CountSiteAsync(tx, reader.SiteId, family, now);
        }
        var siteUntil = family.HasSiteBudget() ? SiteHeldUntil(site) : null;
        await tx.Audit.AppendAsync(new AuditEntry(now, actor, AuditActions.CodeRejected, reader.SiteId, reader.LockerId,
            Detail: $"family={family.Name()} failures={readerFailures} locker_failures={lockerFailures}" +
                    $" delay={Seconds(readerUntil, lockerUntil, now)}s" +
                    (family.HasSiteBudget() ? $" site_failures={site.Count}/{_options.SiteFailureBudget}" : "")));
        return new GuessFailure(family, readerFailures, lockerFailures, site.Count, readerUntil, lockerUntil, siteUntil);
    }

    /// <summary>
    /// A door opened for a code entered at <paramref name="reader"/>: its count and its locker's are cleared. Called only
    /// on the door's confirmation, never on acceptance. The site's budget is not refilled: other people's successes must
    /// not give a stranger more guesses.
    /// </summary>
    public async Task ConfirmSuccessAsync(IStoreTransaction tx, ThrottleScope reader)
    {
        await tx.Throttle.ResetAsync(reader);
        await tx.Throttle.ResetAsync(reader.WholeLocker);
    }

    private async Task<(int Failures, DateTimeOffset? Until)> CountAsync(IStoreTransaction tx, ThrottleScope scope, DateTimeOffset now)
    {
        var failures = ((await tx.Throttle.GetAsync(scope))?.Failures ?? 0) + 1;
        var delay = _options.DelayAfter(failures);
        DateTimeOffset? until = delay > TimeSpan.Zero ? now + delay : null;
        await tx.Throttle.SaveAsync(scope, new ThrottleState(failures, until));
        return (failures, until);
    }

    private Task<SiteFailures> CountSiteAsync(IStoreTransaction tx, string siteId, CodeFamily family, DateTimeOffset now) =>
        tx.Throttle.CountSiteFailuresAsync(siteId, family, now - _options.SiteBudgetWindow);

    /// <summary>When the site may take this family again: once the oldest failure in the window leaves it.</summary>
    private DateTimeOffset? SiteHeldUntil(SiteFailures site) =>
        site.Count >= _options.SiteFailureBudget && site.Oldest is { } oldest ? oldest + _options.SiteBudgetWindow : null;

    private static TimeSpan Remaining(ThrottleState? state, DateTimeOffset now) =>
        state?.BlockedUntil is { } until && until > now ? until - now : TimeSpan.Zero;

    private static long Seconds(DateTimeOffset? reader, DateTimeOffset? locker, DateTimeOffset now)
    {
        var longest = new[] { reader, locker }.Max() is { } until ? until - now : TimeSpan.Zero;
        return (long)Math.Ceiling(longest.TotalSeconds);
    }
}
