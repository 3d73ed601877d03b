using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// Opens a door for a staff member: the reason is required and audited before the signed command leaves, so
/// even an open that never arrives is on record. The door's own "opened" event then shows on every page.
/// </summary>
public sealed class RemoteOpenService(
    ILockerStore store, ILockerCommandSender commands, LiveFeed live, TimeProvider time)
{
    public const int MaxReasonLength = 500;

    /// <summary><paramref name="texts"/>: the language of a refusal (English when not given).</summary>
    public async Task<MaintenanceOutcome> OpenAsync(
        CompartmentRef target, string reason, string staffUser, CancellationToken cancellationToken = default, PageTexts? texts = null)
    {
        texts ??= DashboardTexts.English;
        reason = reason.Trim();
        if (reason.Length is < 3 or > MaxReasonLength)
        {
            return new MaintenanceOutcome(false, texts.Text("Problem.Reason", 3, MaxReasonLength), StatusCodes.Status400BadRequest);
        }
        var compartment = await store.ExecuteAsync(async tx =>
        {
            var found = await tx.Registry.GetCompartmentAsync(target);
            if (found is not null)
            {
                var siteId = (await tx.Registry.GetLockerAsync(target.LockerId))?.SiteId;
                await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"staff:{staffUser}", AuditActions.RemoteOpen,
                    siteId, target.LockerId, target.Number, (await tx.Reservations.FindHoldingAsync(target))?.Id, $"reason: {reason}"));
            }
            return found;
        }, cancellationToken);
        if (compartment is null)
        {
            return MaintenanceOutcome.NotFound(texts.Text("Problem.NoCompartment", target));
        }
        var sentAt = time.GetStoreNow();
        // The staff override opens a door that is out of service too: maintenance checking a repaired door.
        var result = await commands.SendAsync(LockerCommandRequest.Unlock(target.LockerId, target.Number, staffOverride: true), $"staff:{staffUser}",
            cancellationToken: cancellationToken);
        live.Publish(new LiveUpdate("command", target.LockerId, new
        {
            action = "unlock", compartment = target.Number, requestedBy = $"staff:{staffUser}",
            status = result.Status == CommandSendStatus.Sent ? "sent" : "failed", reason = result.Reason, commandId = result.CommandId,
        }, sentAt));
        return result.Status switch
        {
            CommandSendStatus.Sent => MaintenanceOutcome.Ok(new { commandId = result.CommandId, status = "sent" }),
            _ => MaintenanceOutcome.Unavailable(texts.Text("Problem.Unreachable", result.Reason ?? "")),
        };
    }
}
