using Lockers.Gateway.Guard;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Store;
using Lockers.Gateway.Throttle;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// What the store says is held right now, per locker: readers and lockers held by the guessing budget (pin_throttle), site
/// budgets spent (guessing_budget, shown at the site's first locker) and anomaly holds of the unlock guard (unlock_anomaly,
/// shown at the locker whose unlock ran over the ceiling). Read from the store, so holds set by any gateway count.
/// </summary>
public sealed class StoredHolds(ILockerStore store, IOptions<ThrottleOptions> throttle)
{
    public sealed record PerLocker(IReadOnlyDictionary<string, DateTimeOffset> Readers, IReadOnlyList<HoldNotice> Notices);

    public async Task<IReadOnlyDictionary<string, PerLocker>> ReadAsync(DateTimeOffset now, CancellationToken cancellationToken)
    {
        var options = throttle.Value;
        var (readers, budgets, holds) = await store.ReadAsync(async tx => (
            await tx.Throttle.ListHeldReadersAsync(now),
            await tx.Throttle.ListSpentSiteBudgetsAsync(now - options.SiteBudgetWindow, options.SiteFailureBudget),
            await tx.Guard.ListHoldsAsync()), cancellationToken);

        var byLocker = new Dictionary<string, (Dictionary<string, DateTimeOffset> Readers, List<HoldNotice> Notices)>(StringComparer.Ordinal);
        (Dictionary<string, DateTimeOffset> Readers, List<HoldNotice> Notices) At(string lockerId) =>
            byLocker.TryGetValue(lockerId, out var entry) ? entry : byLocker[lockerId] = (new(StringComparer.Ordinal), new());

        foreach (var reader in readers)
        {
            At(reader.LockerId).Readers[reader.ReaderId] = reader.Until;
        }
        foreach (var spent in budgets.Where(b => b.FirstLockerId.Length > 0))
        {
            // No clock time in the words: the page shows Until in the viewer's own time zone.
            At(spent.FirstLockerId).Notices.Add(new HoldNotice(AlarmKinds.GuessingBudget,
                AlarmDetails.English("AlarmDetail.GuessingBudget", spent.SiteId, spent.Failures, FamilyText(spent.Family),
                    options.SiteBudgetWindowHours, options.SiteFailureBudget), spent.Oldest + options.SiteBudgetWindow));
        }
        foreach (var hold in holds.Where(h => h is { Kind: UnlockHoldKind.Anomaly, LockerId: not null }))
        {
            At(hold.LockerId!).Notices.Add(new HoldNotice(AlarmKinds.UnlockAnomaly,
                hold.IsFleet
                    ? AlarmDetails.English("AlarmDetail.UnlockAnomalyFleet", hold.Reason)
                    : AlarmDetails.English("AlarmDetail.UnlockAnomalySite", hold.SiteId!, hold.Reason)));
        }
        return byLocker.ToDictionary(pair => pair.Key, pair => new PerLocker(pair.Value.Readers, pair.Value.Notices), StringComparer.Ordinal);
    }

    private static string FamilyText(CodeFamily family) => AlarmDetails.English(family switch
    {
        CodeFamily.Pin => "AlarmPart.FamilyPin",
        CodeFamily.CourierPin => "AlarmPart.FamilyCourierPin",
        _ => "AlarmPart.FamilyCode",
    });
}
