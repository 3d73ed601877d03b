using Lockers.Gateway.Audit;
using Lockers.Gateway.Link;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Monitoring;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Dashboard;

/// <summary>
/// Takes a compartment, or every compartment of a locker, out of service and back. The registry pauses the pickup
/// windows of parcels inside and moves bookings still waiting for their courier to a free compartment (the carrier is
/// told by the relocated webhook); the locker is told too, so its keypad stops offering that door. The answer says what
/// happened to each parcel and booking, in words for the page that asked.
/// </summary>
public sealed class ServiceStateService(
    AvailabilityService availability, ILockerStore store, ILockerCommandSender commands, LiveFeed live, TimeProvider time)
{
    /// <summary><paramref name="texts"/>: the language of the answer's words (English when not given).</summary>
    public async Task<MaintenanceOutcome> SetCompartmentAsync(
        CompartmentRef target, bool inService, string staffUser, CancellationToken cancellationToken = default, PageTexts? texts = null)
    {
        texts ??= DashboardTexts.English;
        if (await store.ReadAsync(tx => tx.Registry.GetCompartmentAsync(target), cancellationToken) is null)
        {
            return MaintenanceOutcome.NotFound(texts.Text("Problem.NoCompartment", target));
        }
        var change = await availability.SetCompartmentInServiceAsync(target, inService, $"staff:{staffUser}", cancellationToken);
        var sent = await commands.SendAsync(LockerCommandRequest.OutOfService(target.LockerId, target.Number, !inService), $"staff:{staffUser}",
            cancellationToken: cancellationToken);
        Publish(target.LockerId, target.Number, inService, staffUser, sent, [change]);
        return MaintenanceOutcome.Ok(await ViewAsync(texts.Text("Summary.DoorN", target.Number), inService, sent, [change], 1, texts, cancellationToken));
    }

    public async Task<MaintenanceOutcome> SetLockerAsync(
        string lockerId, bool inService, string staffUser, CancellationToken cancellationToken = default, PageTexts? texts = null)
    {
        texts ??= DashboardTexts.English;
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
            return MaintenanceOutcome.NotFound(texts.Text("Problem.NoLocker", lockerId));
        }
        var changes = new List<ServiceChange>();
        foreach (var compartment in compartments)
        {
            changes.Add(await availability.SetCompartmentInServiceAsync(compartment.Ref, inService, $"staff:{staffUser}", cancellationToken));
        }
        var sent = await commands.SendAsync(LockerCommandRequest.OutOfService(lockerId, 0, !inService), $"staff:{staffUser}",
            cancellationToken: cancellationToken);
        Publish(lockerId, 0, inService, staffUser, sent, changes);
        return MaintenanceOutcome.Ok(await ViewAsync(texts["Summary.EveryDoor"], inService, sent, changes, compartments.Count, texts, cancellationToken));
    }

    private void Publish(string lockerId, int compartment, bool inService, string staffUser, CommandSendResult sent, IReadOnlyList<ServiceChange> changes)
    {
        var now = time.GetStoreNow();
        live.Publish(new LiveUpdate("service", lockerId, new
        {
            compartment, inService, by = staffUser, lockerTold = sent.Status == CommandSendStatus.Sent,
        }, now));
        // A booking moved to another locker: that locker's page must show its door reserved now.
        foreach (var other in changes.SelectMany(c => c.Relocated).Select(r => r.To.LockerId).Where(id => id != lockerId).Distinct())
        {
            live.Publish(new LiveUpdate("parcel", other, new { step = "relocated" }, now));
        }
    }

    /// <summary>The outcome for the page: the figures, and one summary in words ("... 1 parcel inside (DEMO-0001): its pickup window is paused").</summary>
    private async Task<object> ViewAsync(
        string what, bool inService, CommandSendResult sent, IReadOnlyList<ServiceChange> changes, int doors, PageTexts texts,
        CancellationToken cancellationToken)
    {
        var relocated = changes.SelectMany(c => c.Relocated).ToList();
        var stranded = changes.SelectMany(c => c.Stranded).ToList();
        var inside = changes.SelectMany(c => c.ParcelsInside).ToList();
        var names = await store.ReadAsync(async tx =>
        {
            var found = new Dictionary<string, string>();
            foreach (var id in relocated.Select(r => r.To.LockerId).Distinct())
            {
                found[id] = (await tx.Registry.GetLockerAsync(id))?.Name ?? id;
            }
            return found;
        }, cancellationToken);
        var list = texts["Common.ListSeparator"];
        var words = new List<string> { texts.Text(inService ? "Summary.Returned" : "Summary.TakenOut", what) };
        words.AddRange(relocated.Select(r => texts.Text("Summary.Relocated", r.Reservation.ParcelReference, names[r.To.LockerId], r.To.Number)));
        if (stranded.Count > 0)
        {
            words.Add(texts.Text("Summary.Stranded", string.Join(list, stranded.Select(r => r.ParcelReference))));
        }
        if (inside.Count > 0)
        {
            var key = (inService ? "Summary.InsideReturned" : "Summary.InsidePaused") + (inside.Count == 1 ? "One" : "");
            words.Add(texts.Text(key, inside.Count,
                string.Join(list, inside.Select(r => r.ParcelReference))));
        }
        if (sent.Status != CommandSendStatus.Sent)
        {
            words.Add(texts.Text("Summary.NotTold", sent.Reason ?? ""));
        }
        return new
        {
            inService,
            doors,
            lockerTold = sent.Status == CommandSendStatus.Sent,
            relocated = relocated.Select(r => new { r.Reservation.Id, r.Reservation.ParcelReference, from = r.From.ToString(), to = r.To.ToString() }),
            stranded = stranded.Select(r => new { r.Id, r.ParcelReference }),
            parcelsInside = inside.Select(r => new { r.Id, r.ParcelReference }),
            summary = string.Join(texts["Summary.Join"], words),
        };
    }
}
