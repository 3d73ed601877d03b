using Lockers.Core.Protocol;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// What the locker link reports to health monitoring, one call per MQTT message, after the message is parsed.
/// <c>at</c> is when the gateway received it (its own clock: a locker's clock may be unset or wrong).
/// Implemented by <see cref="LockerHealthService"/>.
/// </summary>
public interface ILockerHealthSink
{
    /// <summary>
    /// The retained status: birth (<paramref name="online"/> true, with firmware) or last will / clean offline; <paramref name="fault"/>
    /// is set when an offline locker says why it cannot run (a refused file).
    /// </summary>
    Task OnStatusAsync(string lockerId, bool online, string? firmware, DateTimeOffset at, string? fault = null, CancellationToken cancellationToken = default);

    /// <summary>A telemetry message: the heartbeat and the figures of the locker.</summary>
    Task OnTelemetryAsync(string lockerId, TelemetryPayload telemetry, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>A door event; <paramref name="state"/> is a <see cref="DoorStates"/> name.</summary>
    Task OnDoorEventAsync(string lockerId, int compartment, string state, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The locker refused a signed command (<see cref="RefusalReasons"/>); bad_signature and replay may be an attack.</summary>
    Task OnCommandRefusedAsync(string lockerId, string commandId, string reason, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>The locker's flash journal overflowed; <paramref name="droppedTotal"/> events are lost since installation.</summary>
    Task OnJournalOverflowAsync(string lockerId, long droppedTotal, DateTimeOffset at, CancellationToken cancellationToken = default);

    Task OnTamperAsync(string lockerId, string detail, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>A locker opened a door offline for a code that no longer fitted it (docs/adr/0212-offline-reconciliation.md).</summary>
    Task OnOfflineConflictAsync(string lockerId, int compartment, string detail, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// A code entry at the locker met or set a hold (a reader or the locker held back, a site budget spent, unlocks held by the
    /// guard, or staff holding or releasing): health reads the holds from the store again (pin_throttle, guessing_budget,
    /// unlock_anomaly) and evaluates the lockers whose holds changed and <paramref name="lockerId"/> (none when "").
    /// </summary>
    Task OnHoldsChangedAsync(string lockerId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The locker claimed something it was not provisioned for or could not have sent (a reader it does not have, text that is
    /// not printable UTF-8): the claim was refused and the claim_refused alarm is raised (ADR 0109).
    /// </summary>
    Task OnClaimRefusedAsync(string lockerId, string detail, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>
    /// A one-off incident the link found (an event alarm of <see cref="AlarmKinds"/>: sequence_reset, events_lost,
    /// event_conflict, storage_fault), raised for the locker and cleared after the quiet period.
    /// </summary>
    Task OnIncidentAsync(string lockerId, string kind, string detail, DateTimeOffset at, CancellationToken cancellationToken = default);

    /// <summary>Any other message from the locker (events of other kinds, command results): it is alive.</summary>
    Task OnContactAsync(string lockerId, DateTimeOffset at, CancellationToken cancellationToken = default);
}
