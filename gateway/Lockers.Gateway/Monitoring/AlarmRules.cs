using System.Globalization;
using Lockers.Core.Protocol;
using Lockers.Gateway.Localization;

namespace Lockers.Gateway.Monitoring;

/// <summary>
/// Pure alarm logic: from what is known about a locker and the current time, the conditions that hold now.
/// No I/O and no clock of its own, so every rule is tested with plain values.
/// </summary>
public sealed class AlarmRules(MonitoringOptions options)
{
    // Readings no working sensor gives: 0 mV while the board runs, and the error values of common
    // temperature sensors (DS18B20 reports -127 °C when absent).
    private const double ImplausibleLowTemperatureC = -55;
    private const double ImplausibleHighTemperatureC = 125;

    /// <summary>
    /// Online means: the retained status says so and the locker was heard within its allowance: MissedHeartbeatsForOffline
    /// times the telemetry interval it was provisioned with (Monitoring:HeartbeatIntervalSeconds when that is unknown), so
    /// a locker told to report every 300 s is not declared offline after 3 x 60 s of healthy silence.
    /// </summary>
    public bool IsOnline(LockerHealthSnapshot locker, DateTimeOffset now) =>
        locker.ReportedOnline == true && locker.LastContact is { } last && now - last <= OfflineAfter(locker);

    /// <summary>How long the locker may stay silent before it counts as offline.</summary>
    public TimeSpan OfflineAfter(LockerHealthSnapshot locker) => Interval(locker) * options.MissedHeartbeatsForOffline;

    private TimeSpan Interval(LockerHealthSnapshot locker) => locker.ContactInterval ?? options.HeartbeatInterval;

    public IReadOnlyList<AlarmCondition> Evaluate(LockerHealthSnapshot locker, DateTimeOffset now)
    {
        var conditions = new List<AlarmCondition>();
        AddOffline(locker, now, conditions);
        AddDoors(locker, now, conditions);
        AddTelemetry(locker, now, conditions);
        AddIncidents(locker, now, conditions);
        AddThrottle(locker, now, conditions);
        conditions.AddRange(locker.Notices.Select(notice => new AlarmCondition(notice.Kind, locker.LockerId, null, notice.Detail, now, notice.Until)));
        return conditions;
    }

    private void AddOffline(LockerHealthSnapshot locker, DateTimeOffset now, List<AlarmCondition> conditions)
    {
        if (IsOnline(locker, now) || locker.ReportedOnline is null)
        {
            return; // null: nothing heard yet since start; the retained status arrives on subscribe
        }
        var detail = locker.ReportedOnline == false
            ? locker.Fault is { } fault
                ? AlarmDetails.English("AlarmDetail.Fault", fault)
                : AlarmDetails.English("AlarmDetail.StatusOffline")
            : AlarmDetails.English("AlarmDetail.Silent", Seconds(now - (locker.LastContact ?? now)), Seconds(Interval(locker)));
        conditions.Add(new AlarmCondition(AlarmKinds.LockerOffline, locker.LockerId, null, detail, now));
    }

    private static void AddDoors(LockerHealthSnapshot locker, DateTimeOffset now, List<AlarmCondition> conditions)
    {
        foreach (var (compartment, state) in locker.Doors.OrderBy(pair => pair.Key))
        {
            (string? Kind, string Detail) condition = state switch
            {
                DoorStates.Forced => (AlarmKinds.DoorForced, AlarmDetails.English("AlarmDetail.Forced")),
                DoorStates.Jammed => (AlarmKinds.DoorJammed, AlarmDetails.English("AlarmDetail.Jammed")),
                DoorStates.LeftOpen => (AlarmKinds.DoorLeftOpen, AlarmDetails.English("AlarmDetail.LeftOpen")),
                _ => (null, ""),
            };
            if (condition.Kind is not null)
            {
                conditions.Add(new AlarmCondition(condition.Kind, locker.LockerId, compartment, condition.Detail, now));
            }
        }
    }

    private void AddTelemetry(LockerHealthSnapshot locker, DateTimeOffset now, List<AlarmCondition> conditions)
    {
        var faults = new List<string>(locker.ImplausibleTelemetry);
        if (locker.Telemetry is not { } t)
        {
            AddSensorFault(locker, now, conditions, faults);
            return;
        }
        if (t.SupplyMv is { } mv)
        {
            if (mv <= 0)
            {
                faults.Add(AlarmDetails.English("AlarmDetail.SupplyReads", mv));
            }
            else if (mv < options.SupplyMinMv || mv > options.SupplyMaxMv)
            {
                conditions.Add(new AlarmCondition(AlarmKinds.SupplyOutOfRange, locker.LockerId, null,
                    AlarmDetails.English("AlarmDetail.Supply", mv, options.SupplyMinMv, options.SupplyMaxMv), now));
            }
        }
        if (t.TemperatureC is { } celsius)
        {
            if (celsius <= ImplausibleLowTemperatureC || celsius >= ImplausibleHighTemperatureC)
            {
                faults.Add(AlarmDetails.English("AlarmDetail.TemperatureReads", Format(celsius)));
            }
            else if (celsius < options.TemperatureMinC || celsius > options.TemperatureMaxC)
            {
                conditions.Add(new AlarmCondition(AlarmKinds.TemperatureOutOfRange, locker.LockerId, null,
                    AlarmDetails.English("AlarmDetail.Temperature", Format(celsius), Format(options.TemperatureMinC), Format(options.TemperatureMaxC)), now));
            }
        }
        AddSensorFault(locker, now, conditions, faults);
    }

    private static void AddSensorFault(LockerHealthSnapshot locker, DateTimeOffset now, List<AlarmCondition> conditions, List<string> faults)
    {
        if (faults.Count > 0)
        {
            conditions.Add(new AlarmCondition(AlarmKinds.SensorFault, locker.LockerId, null,
                AlarmDetails.English(AlarmDetails.ListKey, string.Join(", ", faults)), now));
        }
    }

    private void AddIncidents(LockerHealthSnapshot locker, DateTimeOffset now, List<AlarmCondition> conditions)
    {
        var recent = locker.Incidents.Where(incident => now - incident.At < options.EventAlarmQuietPeriod);
        foreach (var group in recent.GroupBy(incident => incident.Kind))
        {
            var latest = group.MaxBy(incident => incident.At)!;
            conditions.Add(new AlarmCondition(group.Key, locker.LockerId, null, latest.Detail, latest.At));
        }
    }

    private static void AddThrottle(LockerHealthSnapshot locker, DateTimeOffset now, List<AlarmCondition> conditions)
    {
        var held = locker.ThrottledReaders.Where(reader => reader.Until > now).OrderBy(reader => reader.ReaderId, StringComparer.Ordinal).ToList();
        if (held.Count > 0)
        {
            // No clock time in the words: the page shows Until in the viewer's own time zone, counting down.
            var list = string.Join(", ", held.Select(reader => reader.ReaderId.Length == 0 ? AlarmDetails.English("AlarmPart.WholeLocker") : reader.ReaderId));
            conditions.Add(new AlarmCondition(AlarmKinds.PinThrottle, locker.LockerId, null,
                AlarmDetails.English("AlarmDetail.Throttle", list), now, held.Max(reader => reader.Until)));
        }
    }

    private static string Seconds(TimeSpan span) => ((long)span.TotalSeconds).ToString(CultureInfo.InvariantCulture);

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
