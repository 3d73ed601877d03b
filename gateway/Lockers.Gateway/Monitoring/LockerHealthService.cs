using System.Collections.Concurrent;
using Lockers.Core.Protocol;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Health monitoring fed by the locker link: keeps each locker's live picture, stores telemetry, runs the alarm
/// rules after every change and on a timer (<see cref="EvaluateAllAsync"/>), keeps the registry's online flag
/// (which pauses pickup windows) in step, and pushes every change to open dashboard pages.
/// </summary>
public sealed class LockerHealthService(
    LockerHealthState state, AlarmRules rules, AlarmLifecycle alarms, AvailabilityService availability, ILockerStore store,
    LiveFeed live, UnlockStopwatch unlocks, IOptions<MonitoringOptions> options, TimeProvider time) : ILockerHealthSink
{
    // One evaluation per locker at a time in this process; the store's unique index covers other gateways.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _evaluating = new(StringComparer.Ordinal);
    // The online value last written to the registry, so steady state costs no store write.
    private readonly ConcurrentDictionary<string, bool> _writtenOnline = new(StringComparer.Ordinal);
    private readonly MonitoringOptions _options = options.Value;

    public async Task OnStatusAsync(string lockerId, bool online, string? firmware, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        state.Update(lockerId, locker =>
        {
            locker.ReportedOnline = online;
            if (online)
            {
                // The birth message is contact; a last will is the broker speaking, not the locker.
                locker.Touch(at);
                locker.Firmware = firmware ?? locker.Firmware;
                var births = locker.AddBirth(at, at - _options.TakeoverWindow);
                if (births >= _options.TakeoverConnections)
                {
                    locker.AddIncident(new LockerIncident(AlarmKinds.SessionTakeover, at,
                        AlarmDetails.English("AlarmDetail.Takeover", births, _options.TakeoverWindowMinutes)), at - _options.EventAlarmQuietPeriod);
                }
            }
        });
        await EvaluateAsync(lockerId, cancellationToken);
    }

    public async Task OnTelemetryAsync(string lockerId, TelemetryPayload telemetry, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var sample = TelemetrySample.From(telemetry, at);
        state.Update(lockerId, locker =>
        {
            locker.Touch(at);
            locker.Telemetry = sample;
            locker.Firmware = sample.Firmware;
            // Telemetry proves the locker is connected even if its birth message was missed.
            locker.ReportedOnline ??= true;
        });
        await store.ExecuteAsync(tx => tx.Monitoring.InsertTelemetryAsync(lockerId, sample, at - TimeSpan.FromHours(_options.TelemetryRetentionHours)),
            cancellationToken);
        live.Publish(new LiveUpdate("telemetry", lockerId, sample, at));
        await EvaluateAsync(lockerId, cancellationToken);
    }

    public async Task OnDoorEventAsync(string lockerId, int compartment, string doorState, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        state.Update(lockerId, locker =>
        {
            locker.Touch(at);
            locker.Doors[compartment] = doorState;
        });
        var latency = doorState == DoorStates.Opened ? unlocks.Opened(lockerId, compartment, at) : null;
        live.Publish(new LiveUpdate("door", lockerId, new { compartment, state = doorState, unlockLatencyMs = latency?.TotalMilliseconds }, at));
        await EvaluateAsync(lockerId, cancellationToken);
    }

    public Task OnCommandRefusedAsync(string lockerId, string commandId, string reason, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var attack = reason is RefusalReasons.BadSignature or RefusalReasons.Replay;
        return AddIncidentAsync(lockerId, new LockerIncident(AlarmKinds.CommandRefused, at,
            AlarmDetails.English(attack ? "AlarmDetail.CommandRefusedAttack" : "AlarmDetail.CommandRefused", commandId, reason)), cancellationToken);
    }

    public Task OnJournalOverflowAsync(string lockerId, long droppedTotal, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        AddIncidentAsync(lockerId, new LockerIncident(AlarmKinds.JournalOverflow, at,
            AlarmDetails.English("AlarmDetail.JournalOverflow", droppedTotal)), cancellationToken);

    public Task OnTamperAsync(string lockerId, string detail, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        AddIncidentAsync(lockerId, new LockerIncident(AlarmKinds.Tamper, at, AlarmDetails.English("AlarmDetail.Tamper", detail)), cancellationToken);

    public async Task OnThrottleEngagedAsync(string lockerId, string keypadId, DateTimeOffset until, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        state.Update(lockerId, locker => locker.ThrottledKeypads[keypadId] = until);
        await EvaluateAsync(lockerId, cancellationToken);
    }

    public async Task OnContactAsync(string lockerId, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        var wasOnline = state.Find(lockerId) is { } known && rules.IsOnline(known, at);
        state.Update(lockerId, locker => locker.Touch(at));
        if (!wasOnline)
        {
            await EvaluateAsync(lockerId, cancellationToken);
        }
    }

    /// <summary>
    /// Re-evaluates every known locker: catches what no message announces (missed heartbeats, quiet periods
    /// ending, throttles running out). Keypad throttles are read from the store, so blocks set by any gateway count.
    /// </summary>
    public async Task EvaluateAllAsync(CancellationToken cancellationToken = default)
    {
        var now = time.GetStoreNow();
        var blocks = await store.ReadAsync(tx => tx.Monitoring.ListThrottledKeypadsAsync(now), cancellationToken);
        foreach (var block in blocks)
        {
            state.Update(block.LockerId, locker => locker.ThrottledKeypads[block.KeypadId] = block.Until);
        }
        foreach (var lockerId in state.LockerIds)
        {
            await EvaluateAsync(lockerId, cancellationToken);
        }
    }

    /// <summary>Runs the rules for one locker and applies the result: online flag, alarms, live update.</summary>
    public async Task EvaluateAsync(string lockerId, CancellationToken cancellationToken = default)
    {
        var gate = _evaluating.GetOrAdd(lockerId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetStoreNow();
            state.Update(lockerId, locker => ForgetExpired(locker, now));
            var snapshot = state.Find(lockerId)!;
            var online = rules.IsOnline(snapshot, now);
            if (snapshot.ReportedOnline is not null && (!_writtenOnline.TryGetValue(lockerId, out var written) || written != online))
            {
                await availability.SetLockerOnlineAsync(lockerId, online, cancellationToken);
                _writtenOnline[lockerId] = online;
                live.Publish(new LiveUpdate("status", lockerId, new { online, lastContact = snapshot.LastContact }, now));
            }
            await alarms.ReconcileAsync(lockerId, rules.Evaluate(snapshot, now), cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private Task AddIncidentAsync(string lockerId, LockerIncident incident, CancellationToken cancellationToken)
    {
        state.Update(lockerId, locker =>
        {
            locker.Touch(incident.At);
            locker.AddIncident(incident, incident.At - _options.EventAlarmQuietPeriod);
        });
        return EvaluateAsync(lockerId, cancellationToken);
    }

    private static void ForgetExpired(LockerHealthState.Entry locker, DateTimeOffset now)
    {
        foreach (var keypad in locker.ThrottledKeypads.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
        {
            locker.ThrottledKeypads.Remove(keypad);
        }
    }
}
