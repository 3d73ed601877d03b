using System.Collections.Concurrent;
using Lockers.Core.Protocol;
using Lockers.Gateway.Localization;
using Lockers.Gateway.Reservations;
using Lockers.Gateway.Reservations.Doors;
using Lockers.Gateway.Store;
using Microsoft.Extensions.Options;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Health monitoring fed by the locker link: keeps each locker's live picture, stores telemetry, runs the alarm
/// rules after every change and on a timer (<see cref="EvaluateAllAsync"/>), keeps the registry's online flag
/// (which pauses pickup windows) in step, and pushes every change to open dashboard pages. Door states come back from
/// the store (<see cref="DoorEventService.ListStatesAsync"/>) before a locker's rules first run, so a restart neither
/// forgets a door left open or jammed nor clears its alarm (ADR 0310).
/// </summary>
public sealed class LockerHealthService(
    LockerHealthState state, AlarmRules rules, AlarmLifecycle alarms, AvailabilityService availability, DoorEventService doors, ILockerStore store,
    StoredHolds holds, LiveFeed live, UnlockStopwatch unlocks, IOptions<MonitoringOptions> options, TimeProvider time) : ILockerHealthSink
{
    // One evaluation per locker at a time in this process; the store's unique index covers other gateways.
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _evaluating = new(StringComparer.Ordinal);
    // The online value last written to the registry, so steady state costs no store write.
    private readonly ConcurrentDictionary<string, bool> _writtenOnline = new(StringComparer.Ordinal);
    private readonly MonitoringOptions _options = options.Value;

    public async Task OnStatusAsync(string lockerId, bool online, string? firmware, DateTimeOffset at, string? fault = null,
        CancellationToken cancellationToken = default)
    {
        state.Update(lockerId, locker =>
        {
            locker.ReportedOnline = online;
            locker.Fault = online ? null : fault;
            if (online)
            {
                // The birth message is contact; a last will is the broker speaking, not the locker.
                locker.Touch(at);
                locker.Firmware = firmware ?? locker.Firmware;
                // A locker re-provisioned (new intervals) comes back with a birth message: read them again.
                locker.ContactIntervalRead = false;
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
        // Figures no board can report are never stored raw (ADR 0109): dropped from the sample, or the sample refused.
        var checkedSample = TelemetryPlausibility.Check(telemetry, at);
        var sample = checkedSample.Sample;
        state.Update(lockerId, locker =>
        {
            locker.Touch(at);
            locker.ImplausibleTelemetry = checkedSample.Problems;
            if (sample is not null)
            {
                locker.Telemetry = sample;
                locker.Firmware = sample.Firmware;
            }
            // Telemetry proves the locker is connected even if its birth message was missed.
            locker.ReportedOnline ??= true;
        });
        if (sample is not null)
        {
            await store.ExecuteAsync(tx => tx.Monitoring.InsertTelemetryAsync(lockerId, sample, at - TimeSpan.FromHours(_options.TelemetryRetentionHours)),
                cancellationToken);
            live.Publish(new LiveUpdate("telemetry", lockerId, sample, at));
        }
        await EvaluateAsync(lockerId, cancellationToken);
    }

    public async Task OnDoorsAtBootAsync(string lockerId, IReadOnlyCollection<int> open, DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        state.Update(lockerId, locker =>
        {
            locker.Touch(at);
            // The boot event wrote every door's state in its unit of work, committed before health is fed: read them anew.
            locker.Doors.Clear();
            locker.DoorStatesRead = false;
        });
        live.Publish(new LiveUpdate("doors", lockerId, new { open }, at));
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
        if (reason is RefusalReasons.Expired or RefusalReasons.NoTime)
        {
            // Freshness at work, not an attack: a command that arrived too late, or before the locker had a clock to judge it by.
            // The refusal is audited and the command marked failed; the locker is alive.
            return OnContactAsync(lockerId, at, cancellationToken);
        }

        var attack = reason is RefusalReasons.BadSignature or RefusalReasons.Replay;
        return AddIncidentAsync(lockerId, new LockerIncident(AlarmKinds.CommandRefused, at,
            AlarmDetails.English(attack ? "AlarmDetail.CommandRefusedAttack" : "AlarmDetail.CommandRefused", commandId, reason)), cancellationToken);
    }

    public Task OnOfflineConflictAsync(string lockerId, int compartment, string detail, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        AddIncidentAsync(lockerId, new LockerIncident(AlarmKinds.OfflineConflict, at, detail), cancellationToken);

    public Task OnJournalOverflowAsync(string lockerId, long droppedTotal, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        AddIncidentAsync(lockerId, new LockerIncident(AlarmKinds.JournalOverflow, at,
            AlarmDetails.English("AlarmDetail.JournalOverflow", droppedTotal)), cancellationToken);

    public Task OnIncidentAsync(string lockerId, string kind, string detail, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        AlarmKinds.IsEventAlarm(kind)
            ? AddIncidentAsync(lockerId, new LockerIncident(kind, at, detail), cancellationToken)
            : throw new ArgumentException($"'{kind}' is not an event alarm", nameof(kind));

    public Task OnTamperAsync(string lockerId, string detail, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        AddIncidentAsync(lockerId, new LockerIncident(AlarmKinds.Tamper, at, AlarmDetails.English("AlarmDetail.Tamper", detail)), cancellationToken);

    public Task OnClaimRefusedAsync(string lockerId, string detail, DateTimeOffset at, CancellationToken cancellationToken = default) =>
        AddIncidentAsync(lockerId, new LockerIncident(AlarmKinds.ClaimRefused, at, detail), cancellationToken);

    public async Task OnHoldsChangedAsync(string lockerId, CancellationToken cancellationToken = default)
    {
        var affected = await RefreshHoldsAsync(cancellationToken);
        foreach (var id in (lockerId.Length > 0 ? affected.Append(lockerId) : affected).Distinct(StringComparer.Ordinal))
        {
            await EvaluateAsync(id, cancellationToken);
        }
    }

    /// <summary>
    /// Reads every hold from the store (held readers and lockers, spent site budgets, anomaly holds) into the lockers' live
    /// pictures, and returns the lockers whose picture changed.
    /// </summary>
    public async Task<IReadOnlyList<string>> RefreshHoldsAsync(CancellationToken cancellationToken = default)
    {
        var stored = await holds.ReadAsync(time.GetStoreNow(), cancellationToken);
        var changed = new List<string>();
        foreach (var lockerId in state.LockerIds.Union(stored.Keys, StringComparer.Ordinal).ToList())
        {
            var now = stored.GetValueOrDefault(lockerId);
            state.Update(lockerId, locker =>
            {
                var readers = now?.Readers ?? new Dictionary<string, DateTimeOffset>();
                var notices = now?.Notices ?? [];
                if (locker.ThrottledReaders.Count == readers.Count && !readers.Except(locker.ThrottledReaders).Any()
                    && locker.Notices.SequenceEqual(notices))
                {
                    return;
                }
                locker.ThrottledReaders.Clear();
                foreach (var (reader, until) in readers)
                {
                    locker.ThrottledReaders[reader] = until;
                }
                locker.Notices = notices.ToList();
                changed.Add(lockerId);
            });
        }
        return changed;
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
    /// ending, throttles running out). Holds are read from the store, so those set by any gateway count.
    /// </summary>
    public async Task EvaluateAllAsync(CancellationToken cancellationToken = default)
    {
        await RefreshHoldsAsync(cancellationToken);
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
            await ReadContactIntervalAsync(lockerId, cancellationToken);
            if (!await ReadDoorStatesAsync(lockerId, cancellationToken))
            {
                // Judging the doors without their stored states would clear their alarms; the next evaluation tries again.
                return;
            }
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

    /// <summary>The telemetry interval the locker was provisioned with, read once (and after each birth); a failing store leaves the default.</summary>
    private async Task ReadContactIntervalAsync(string lockerId, CancellationToken cancellationToken)
    {
        if (state.IsContactIntervalRead(lockerId))
        {
            return;
        }

        try
        {
            var seconds = await store.ReadAsync(tx => tx.Monitoring.GetTelemetryIntervalAsync(lockerId), cancellationToken);
            state.Update(lockerId, locker =>
            {
                locker.ContactInterval = seconds is { } s ? TimeSpan.FromSeconds(s) : null;
                locker.ContactIntervalRead = true;
            });
        }
        catch (Exception ex) when (ex is not OperationCanceledException && store.IsUnavailable(ex))
        {
            // The rules fall back to Monitoring:HeartbeatIntervalSeconds until the store answers.
        }
    }

    /// <summary>
    /// The door states kept in the store, read once per locker (after a restart: before its rules first run). A state heard
    /// since start is newer than the stored one read here and is kept. False while the store cannot answer.
    /// </summary>
    private async Task<bool> ReadDoorStatesAsync(string lockerId, CancellationToken cancellationToken)
    {
        if (state.AreDoorStatesRead(lockerId))
        {
            return true;
        }

        try
        {
            var stored = await doors.ListStatesAsync(lockerId, cancellationToken);
            state.Update(lockerId, locker =>
            {
                foreach (var door in stored)
                {
                    locker.Doors.TryAdd(door.Compartment, door.State);
                }
                locker.DoorStatesRead = true;
            });
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException && store.IsUnavailable(ex))
        {
            return false;
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
        foreach (var reader in locker.ThrottledReaders.Where(pair => pair.Value <= now).Select(pair => pair.Key).ToList())
        {
            locker.ThrottledReaders.Remove(reader);
        }
    }
}
