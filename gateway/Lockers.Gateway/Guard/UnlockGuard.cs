using Lockers.Gateway.Audit;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Guard;

/// <summary>
/// The unlock anomaly guard (ADR 0110, the PickPoint lesson: one compromised path opened 2,732 lockers in a night). Every
/// door the gateway decides to open passes <see cref="AdmitAsync"/> first, inside the unit of work that decides it: a code
/// answer (Reservations/Doors) and a remote open (Dashboard). An unlock is refused while its site or the fleet is held; an
/// unlock that would take its site or the fleet over the per-minute ceiling makes an anomaly hold and is refused. Holds are
/// in the store, so every gateway sees them, and last until staff release them (the unlock_anomaly alarm calls them).
/// </summary>
public sealed class UnlockGuard(IOptions<GuardOptions> options, TimeProvider time)
{
    private readonly GuardOptions _options = options.Value;

    /// <summary>The hold on the site or the fleet, if one stands (the fleet's first).</summary>
    public async Task<UnlockHold?> FindHoldAsync(IStoreTransaction tx, string siteId) =>
        (await tx.Guard.FindHoldsAsync([HoldScopes.Fleet, HoldScopes.Site(siteId)])).OrderBy(h => h.IsFleet ? 0 : 1).FirstOrDefault();

    /// <summary>
    /// Asks whether a door of <paramref name="lockerId"/> at <paramref name="siteId"/> may open now, and counts it when it
    /// may. Over a ceiling it holds the scope (audited) and refuses this unlock too.
    /// </summary>
    public async Task<UnlockAdmission> AdmitAsync(IStoreTransaction tx, string siteId, string lockerId, string actor)
    {
        if (await FindHoldAsync(tx, siteId) is { } hold)
        {
            return new UnlockAdmission(hold);
        }
        var now = time.GetStoreNow();
        foreach (var (scope, ceiling) in new[] { (HoldScopes.Site(siteId), _options.SiteUnlocksPerMinute), (HoldScopes.Fleet, _options.FleetUnlocksPerMinute) })
        {
            if (ceiling <= 0)
            {
                continue;
            }
            var recent = await RecentUnlocksAsync(tx, scope, now);
            if (recent + 1 > ceiling)
            {
                // The count includes the unlock refused here: that is the one over the ceiling ("about 31 ..., ceiling of 30").
                var tripped = new UnlockHold(scope, UnlockHoldKind.Anomaly,
                    AlarmDetails.English("AlarmPart.AnomalyReason", Math.Round(recent) + 1, ceiling,
                        scope == HoldScopes.Fleet ? nameof(GuardOptions.FleetUnlocksPerMinute) : nameof(GuardOptions.SiteUnlocksPerMinute), lockerId, actor),
                    "guard", lockerId, now);
                await tx.Guard.InsertHoldAsync(tripped);
                await AuditAsync(tx, now, "guard", AuditActions.UnlocksHeld, tripped, lockerId);
                return new UnlockAdmission(tripped, Tripped: true);
            }
        }
        var minute = Minute(now);
        await tx.Guard.CountUnlockAsync(HoldScopes.Site(siteId), minute);
        await tx.Guard.CountUnlockAsync(HoldScopes.Fleet, minute);
        return UnlockAdmission.Admitted;
    }

    /// <summary>A staff member holds a site (<paramref name="siteId"/>) or the fleet (null). Null when a hold stands there already.</summary>
    public async Task<UnlockHold?> HoldAsync(IStoreTransaction tx, string? siteId, string reason, string staffUser)
    {
        var now = time.GetStoreNow();
        var hold = new UnlockHold(siteId is null ? HoldScopes.Fleet : HoldScopes.Site(siteId), UnlockHoldKind.Staff, reason, staffUser, null, now);
        if (!await tx.Guard.InsertHoldAsync(hold))
        {
            return null;
        }
        await AuditAsync(tx, now, $"staff:{staffUser}", AuditActions.UnlocksHeld, hold, null);
        return hold;
    }

    /// <summary>
    /// Releases the hold on <paramref name="scope"/>; null when there was none. The scope's count starts afresh: the staff
    /// member releasing says the site is safe again, so the unlocks before the hold (those that tripped it) must not trip
    /// it again at the next door (a courier resuming a round, a recipient waiting at the keypad; ADR 0312).
    /// </summary>
    public async Task<UnlockHold?> ReleaseAsync(IStoreTransaction tx, string scope, string reason, string staffUser)
    {
        var hold = (await tx.Guard.FindHoldsAsync([scope])).FirstOrDefault();
        if (hold is null || !await tx.Guard.DeleteHoldAsync(scope))
        {
            return null;
        }
        await tx.Guard.ForgetUnlocksAsync(scope);
        var now = time.GetStoreNow();
        await tx.Audit.AppendAsync(new AuditEntry(now, $"staff:{staffUser}", AuditActions.UnlocksReleased, hold.SiteId, hold.LockerId,
            Detail: $"scope={hold.Scope} kind={hold.Kind.ToString().ToLowerInvariant()} held_since={hold.Since:O} reason: {reason}"));
        return hold;
    }

    /// <summary>
    /// Unlocks in the last 60 s, estimated from whole-minute counts (the previous minute weighted by how much of it is still
    /// inside the window): two rows per scope instead of a row per unlock, so the fleet's count stays cheap at any rate.
    /// </summary>
    private static async Task<double> RecentUnlocksAsync(IStoreTransaction tx, string scope, DateTimeOffset now)
    {
        var minute = Minute(now);
        var (current, previous) = await tx.Guard.CountUnlocksAsync(scope, minute);
        var intoMinute = (now.ToUnixTimeMilliseconds() % 60_000) / 60_000.0;
        return current + previous * (1 - intoMinute);
    }

    private static long Minute(DateTimeOffset at) => at.ToUnixTimeMilliseconds() / 60_000;

    private static Task AuditAsync(IStoreTransaction tx, DateTimeOffset now, string actor, string action, UnlockHold hold, string? lockerId) =>
        tx.Audit.AppendAsync(new AuditEntry(now, actor, action, hold.SiteId, lockerId,
            Detail: $"scope={hold.Scope} kind={hold.Kind.ToString().ToLowerInvariant()} reason: {hold.Reason}"));
}
