using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// Takes a compartment, or every compartment of a locker, out of service and back. The registry pauses the
/// pickup windows of parcels inside; the locker is told too, so its keypad stops offering that door.
/// </summary>
public sealed class ServiceStateService(
    AvailabilityService availability, ILockerStore store, ILockerCommandSender commands, LiveFeed live, TimeProvider time)
{
    public async Task<MaintenanceOutcome> SetCompartmentAsync(CompartmentRef target, bool inService, string staffUser, CancellationToken cancellationToken = default)
    {
        if (await store.ReadAsync(tx => tx.Registry.GetCompartmentAsync(target), cancellationToken) is null)
        {
            return MaintenanceOutcome.NotFound($"There is no compartment {target}.");
        }
        await availability.SetCompartmentInServiceAsync(target, inService, $"staff:{staffUser}", cancellationToken);
        var sent = await commands.SendAsync(LockerCommandRequest.OutOfService(target.LockerId, target.Number, !inService), $"staff:{staffUser}",
            cancellationToken: cancellationToken);
        Publish(target.LockerId, target.Number, inService, staffUser, sent);
        return MaintenanceOutcome.Ok(new { inService, lockerTold = sent.Status == CommandSendStatus.Sent });
    }

    public async Task<MaintenanceOutcome> SetLockerAsync(string lockerId, bool inService, string staffUser, CancellationToken cancellationToken = default)
    {
        var compartments = await store.ExecuteAsync(async tx =>
        {
            var locker = await tx.Registry.GetLockerAsync(lockerId);
            if (locker is null)
            {
                return null;
            }
            await tx.Audit.AppendAsync(new AuditEntry(time.GetStoreNow(), $"staff:{staffUser}", AuditActions.LockerServiceChanged,
                locker.SiteId, lockerId, Detail: inService ? "in_service" : "out_of_service"));
            return (await tx.Registry.ListCompartmentsAsync(locker.SiteId)).Where(c => c.LockerId == lockerId).ToList();
        }, cancellationToken);
        if (compartments is null)
        {
            return MaintenanceOutcome.NotFound($"There is no locker {lockerId}.");
        }
        foreach (var compartment in compartments)
        {
            await availability.SetCompartmentInServiceAsync(compartment.Ref, inService, $"staff:{staffUser}", cancellationToken);
        }
        var sent = await commands.SendAsync(LockerCommandRequest.OutOfService(lockerId, 0, !inService), $"staff:{staffUser}",
            cancellationToken: cancellationToken);
        Publish(lockerId, 0, inService, staffUser, sent);
        return MaintenanceOutcome.Ok(new { inService, compartments = compartments.Count, lockerTold = sent.Status == CommandSendStatus.Sent });
    }

    private void Publish(string lockerId, int compartment, bool inService, string staffUser, CommandSendResult sent) =>
        live.Publish(new LiveUpdate("service", lockerId, new
        {
            compartment, inService, by = staffUser, lockerTold = sent.Status == CommandSendStatus.Sent,
        }, time.GetStoreNow()));
}
