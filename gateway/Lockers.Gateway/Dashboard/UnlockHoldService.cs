using Lockers.Gateway.Guard;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// Staff's brake on unlocks (ADR 0303): hold a site or the whole fleet (no code answers, no remote opens) and release a hold,
/// whether staff or the anomaly guard set it. Each step is audited by <see cref="UnlockGuard"/>, shown live, and re-read by
/// locker health (the unlock_anomaly alarm's condition ends when its hold is released; ADR 0306 then waits for an acknowledgement).
/// </summary>
public sealed class UnlockHoldService(ILockerStore store, UnlockGuard guard, ILockerHealthSink health, LiveFeed live, TimeProvider time)
{
    public const int MinReasonLength = 3;
    public const int MaxReasonLength = 500;

    public Task<IReadOnlyList<UnlockHold>> ListAsync(CancellationToken cancellationToken = default) =>
        store.ReadAsync(tx => tx.Guard.ListHoldsAsync(), cancellationToken);

    /// <param name="siteId">The site to hold, or null for the whole fleet.</param>
    /// <param name="texts">The language of a refusal (English when not given).</param>
    public async Task<MaintenanceOutcome> HoldAsync(
        string? siteId, string reason, string staffUser, CancellationToken cancellationToken = default, PageTexts? texts = null)
    {
        texts ??= DashboardTexts.English;
        if (CheckReason(ref reason, texts) is { } invalid)
        {
            return invalid;
        }
        var (known, hold) = await store.ExecuteAsync(async tx =>
        {
            if (siteId is not null && await tx.Registry.GetSiteAsync(siteId) is null)
            {
                return (false, null);
            }
            return (true, await guard.HoldAsync(tx, siteId, reason, staffUser));
        }, cancellationToken);
        if (!known)
        {
            return MaintenanceOutcome.NotFound(texts.Text("Problem.NoSite", siteId!));
        }
        if (hold is null)
        {
            return MaintenanceOutcome.Conflict(texts.Text("Problem.AlreadyHeld", UnlockHold.PlaceOf(siteId, texts)));
        }
        await AnnounceAsync("held", hold, staffUser, cancellationToken);
        return MaintenanceOutcome.Ok(HoldView.From(hold));
    }

    public async Task<MaintenanceOutcome> ReleaseAsync(
        string scope, string reason, string staffUser, CancellationToken cancellationToken = default, PageTexts? texts = null)
    {
        texts ??= DashboardTexts.English;
        if (CheckReason(ref reason, texts) is { } invalid)
        {
            return invalid;
        }
        var released = await store.ExecuteAsync(tx => guard.ReleaseAsync(tx, scope, reason, staffUser), cancellationToken);
        if (released is null)
        {
            return MaintenanceOutcome.NotFound(texts.Text("Problem.NothingHeld", scope));
        }
        await AnnounceAsync("released", released, staffUser, cancellationToken);
        return MaintenanceOutcome.Ok(HoldView.From(released));
    }

    private static MaintenanceOutcome? CheckReason(ref string reason, PageTexts texts)
    {
        reason = reason.Trim();
        return reason.Length is < MinReasonLength or > MaxReasonLength
            ? new MaintenanceOutcome(false, texts.Text("Problem.Reason", MinReasonLength, MaxReasonLength), StatusCodes.Status400BadRequest)
            : null;
    }

    private async Task AnnounceAsync(string change, UnlockHold hold, string staffUser, CancellationToken cancellationToken)
    {
        live.Publish(new LiveUpdate("hold", hold.LockerId, new { change, hold = HoldView.From(hold), by = staffUser }, time.GetStoreNow()));
        await health.OnHoldsChangedAsync(hold.LockerId ?? "", cancellationToken);
    }
}

/// <summary>A hold as the dashboard shows it.</summary>
public sealed record HoldView(string Scope, string? SiteId, bool Fleet, string Kind, string Reason, string HeldBy, string? LockerId, DateTimeOffset Since)
{
    public static HoldView From(UnlockHold hold) => new(hold.Scope, hold.SiteId, hold.IsFleet, hold.Kind.ToString().ToLowerInvariant(),
        hold.Reason, hold.HeldBy, hold.LockerId, hold.Since);

    /// <summary>The hold for a reader of <paramref name="texts"/>: the guard's reason (stored in English) in their words; staff's as typed.</summary>
    public static HoldView From(UnlockHold hold, PageTexts texts) =>
        From(hold) with { Reason = hold.Kind == UnlockHoldKind.Anomaly ? AlarmDetails.ReadPart(hold.Reason, texts) : hold.Reason };
}
