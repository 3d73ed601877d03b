using Lockers.Gateway.Audit;
using Lockers.Gateway.Guard;
using Lockers.Gateway.Link;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// Opens a door for a staff member: the reason is required and audited before the signed command leaves, so
/// even an open that never arrives is on record. The answer is 202 with the command's id and where to follow it: the
/// command is "sent" until the locker answers (done, or failed: jammed, ...) or its short expiry passes without an answer
/// (no_answer: "failed: no answer from the locker"; Link/CommandExpiryService). The door's own "opened" event then shows on
/// every page, and the command's status comes over the live feed (Link/CommandUpdates). Like every unlock it passes the
/// unlock guard first (ADR 0110): refused while the site or the fleet is held, and counted towards the per-minute
/// ceilings (so a stolen staff session cannot open a site's doors one after another either).
/// </summary>
public sealed class RemoteOpenService(
    ILockerStore store, ILockerCommandSender commands, UnlockGuard guard, ILockerHealthSink health, LiveFeed live, TimeProvider time)
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
        var (compartment, admission) = await store.ExecuteAsync(async tx =>
        {
            var found = await tx.Registry.GetCompartmentAsync(target);
            if (found is null || await tx.Registry.GetLockerAsync(target.LockerId) is not { } locker)
            {
                return (null, UnlockAdmission.Admitted);
            }
            var admitted = await guard.AdmitAsync(tx, locker.SiteId, target.LockerId, $"staff:{staffUser}");
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"staff:{staffUser}", AuditActions.RemoteOpen,
                locker.SiteId, target.LockerId, target.Number, (await tx.Reservations.FindHoldingAsync(target))?.Id,
                admitted.IsAdmitted ? $"reason: {reason}" : $"refused, unlocks held at {admitted.Hold!.Describe()}; reason: {reason}"));
            return ((Compartment?)found, admitted);
        }, cancellationToken);
        if (compartment is null)
        {
            return MaintenanceOutcome.NotFound(texts.Text("Problem.NoCompartment", target));
        }
        if (admission.Hold is { } hold)
        {
            if (admission.Tripped)
            {
                await health.OnHoldsChangedAsync(target.LockerId, cancellationToken);
            }
            return new MaintenanceOutcome(false, hold.Kind == UnlockHoldKind.Anomaly
                    ? texts.Text("Problem.UnlocksHeldByGuard", hold.Place(texts), AlarmDetails.ReadPart(hold.Reason, texts))
                    : texts.Text("Problem.UnlocksHeldByStaff", hold.Place(texts), hold.HeldBy, hold.Reason),
                StatusCodes.Status409Conflict);
        }
        var sentAt = time.GetStoreNow();
        // The staff override opens a door that is out of service too: maintenance checking a repaired door.
        var result = await commands.SendAsync(LockerCommandRequest.Unlock(target.LockerId, target.Number, staffOverride: true), $"staff:{staffUser}",
            cancellationToken: cancellationToken);
        live.Publish(new LiveUpdate("command", target.LockerId, new
        {
            action = "unlock", compartment = target.Number, requestedBy = $"staff:{staffUser}",
            status = result.CommandId is not null ? LockerCommandRecord.Sent : "failed", reason = result.Reason, commandId = result.CommandId,
        }, sentAt));
        return result switch
        {
            // Handed to the broker, or recorded and still queued for it: either way the locker may yet run it before it expires.
            { Status: CommandSendStatus.Sent } or { CommandId: not null } => MaintenanceOutcome.Accepted(
                StatusPath(target.LockerId, result.CommandId!),
                new { commandId = result.CommandId, status = LockerCommandRecord.Sent, statusUrl = StatusPath(target.LockerId, result.CommandId!) }),
            _ => MaintenanceOutcome.Unavailable(texts.Text("Problem.Unreachable", result.Reason ?? "")),
        };
    }

    /// <summary>Where a command's status is read (DashboardApi): sent, then done, failed or no_answer, with the outcome in words.</summary>
    public static string StatusPath(string lockerId, string commandId) =>
        $"/dashboard/api/lockers/{Uri.EscapeDataString(lockerId)}/commands/{Uri.EscapeDataString(commandId)}";

    /// <summary>A command's status now; null when this locker has no such command.</summary>
    public async Task<CommandStatusView?> GetStatusAsync(string lockerId, string commandId, CancellationToken cancellationToken = default)
    {
        var command = await store.ReadAsync(tx => tx.LockerLink.GetCommandAsync(lockerId, commandId), cancellationToken);
        return command is null ? null : CommandStatusView.From(command, time.GetStoreNow());
    }
}
