using Lockers.Gateway.Throttle;

namespace Lockers.Gateway.Store;

/// <summary>The guessing budgets' counts, kept in the store so every gateway sharing it sees the same ones (ADR 0108).</summary>
public interface IThrottleRepository
{
    Task<ThrottleState?> GetAsync(ThrottleScope scope);
    Task SaveAsync(ThrottleScope scope, ThrottleState state);
    Task ResetAsync(ThrottleScope scope);

    /// <summary>Records a failed entry of <paramref name="family"/> at the site and forgets the site's ones before <paramref name="pruneBefore"/>.</summary>
    Task AddSiteFailureAsync(string siteId, string lockerId, CodeFamily family, DateTimeOffset at, DateTimeOffset pruneBefore);

    /// <summary>Failed entries of <paramref name="family"/> at the site after <paramref name="since"/>.</summary>
    Task<SiteFailures> CountSiteFailuresAsync(string siteId, CodeFamily family, DateTimeOffset since);

    /// <summary>Readers and lockers (reader id "") held back at <paramref name="now"/>, for locker health.</summary>
    Task<IReadOnlyList<HeldReader>> ListHeldReadersAsync(DateTimeOffset now);

    /// <summary>Sites whose budget of a family is spent: at least <paramref name="budget"/> failures after <paramref name="since"/>.</summary>
    Task<IReadOnlyList<SpentSiteBudget>> ListSpentSiteBudgetsAsync(DateTimeOffset since, int budget);
}
