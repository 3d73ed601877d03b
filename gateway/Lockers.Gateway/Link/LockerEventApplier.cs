using Lockers.Core.Protocol;
using Lockers.Gateway.Audit;
using Lockers.Gateway.Codes;
using Lockers.Gateway.Registry;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;

namespace Lockers.Gateway.Link;

/// <summary>
/// Applies one event from a locker, once per (locker, seq): the seq is marked applied in the same unit of work
/// as the event's effect (door events through <see cref="DoorEventService"/>, which does exactly that), so a
/// redelivery changes nothing. Kinds this gateway does not know are recorded and otherwise ignored.
/// </summary>
public sealed class LockerEventApplier(
    ILockerStore store, DoorEventService doors, CodeEntryHandler codes, OfflineCodeHandler offlineCodes, TimeProvider time)
{
    public async Task<LinkOutcome> ApplyAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken)
    {
        switch (e.Kind)
        {
            case EventKinds.CodeEntered:
                return await codes.HandleAsync(locker, e, cancellationToken);
            case EventKinds.CodeOffline:
                return await offlineCodes.HandleAsync(locker, e, cancellationToken);
            case EventKinds.Door:
                return await ApplyDoorAsync(locker, e, cancellationToken);
            case EventKinds.CommandRefused:
                return await RecordAsync(locker, e, AuditActions.CommandRefused, $"command={e.CommandId} reason={e.Reason}", cancellationToken);
            case EventKinds.Boot:
                return await RecordAsync(locker, e, AuditActions.Boot, $"fw={e.Firmware} boot={e.BootCount}", cancellationToken);
            case EventKinds.Tamper:
                return await RecordAsync(locker, e, AuditActions.Tamper, e.Detail, cancellationToken);
            case EventKinds.JournalOverflow:
                return await RecordAsync(locker, e, AuditActions.JournalOverflow, $"dropped={e.Dropped}", cancellationToken);
            default:
                return await RecordAsync(locker, e, AuditActions.UnknownEvent, $"kind={e.Kind}", cancellationToken);
        }
    }

    private async Task<LinkOutcome> ApplyDoorAsync(Locker locker, LockerEvent e, CancellationToken cancellationToken)
    {
        DoorEventOutcome? outcome = e.DoorState switch
        {
            DoorStates.Opened => await doors.ConfirmOpenedAsync(locker.Id, e.Compartment, e.Seq, cancellationToken),
            DoorStates.Jammed => await doors.ReportJammedAsync(locker.Id, e.Compartment, e.Seq, cancellationToken),
            DoorStates.Closed => (await doors.ReportClosedAsync(locker.Id, e.Compartment, e.Seq, cancellationToken)).Outcome,
            _ => null,
        };
        if (outcome is { } applied)
        {
            return applied switch
            {
                DoorEventOutcome.Applied => LinkOutcome.Applied,
                DoorEventOutcome.Duplicate => LinkOutcome.Duplicate,
                _ => LinkOutcome.NoEffect,
            };
        }

        // forced and left_open: nothing to advance; their alarms come from locker health.
        var forced = e.DoorState == DoorStates.Forced;
        return await RecordAsync(locker, e, forced ? AuditActions.DoorForced : AuditActions.DoorLeftOpen,
            $"compartment={e.Compartment}", cancellationToken, e.Compartment);
    }

    /// <summary>
    /// Marks the seq applied and writes the audit line, atomically. Alarms are not raised here: every alarm is raised
    /// by locker health (fed after the commit) through Monitoring/AlarmLifecycle.
    /// </summary>
    private Task<LinkOutcome> RecordAsync(
        Locker locker, LockerEvent e, string auditAction, string detail, CancellationToken cancellationToken, int? compartment = null) =>
        store.ExecuteAsync(async tx =>
        {
            var now = time.GetStoreNow();
            if (!await tx.LockerEvents.TryMarkAppliedAsync(locker.Id, e.Seq, now))
            {
                return LinkOutcome.Duplicate;
            }

            await tx.Audit.AppendAsync(new AuditEntry(now, $"locker:{locker.Id}", auditAction, locker.SiteId, locker.Id, compartment,
                Detail: $"seq={e.Seq} {detail}"));
            return LinkOutcome.Applied;
        }, cancellationToken);
}
