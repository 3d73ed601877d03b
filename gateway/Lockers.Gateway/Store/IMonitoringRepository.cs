using Lockers.Gateway.Audit;
using Lockers.Gateway.Monitoring;

namespace Lockers.Gateway.Store;

/// <summary>Alarms with their lifecycle, telemetry history, and the read models of the maintenance dashboard.</summary>
public interface IMonitoringRepository
{
    Task<IReadOnlyList<MonitoredAlarm>> ListOpenAlarmsAsync(string lockerId);

    /// <summary>The telemetry interval (seconds) the locker was provisioned with, or null when none is kept.</summary>
    Task<int?> GetTelemetryIntervalAsync(string lockerId);

    /// <summary>
    /// Raises an alarm, linked to the alarm it follows when given; null when an open alarm for the same (kind, locker,
    /// compartment) exists already.
    /// </summary>
    Task<MonitoredAlarm?> InsertAlarmAsync(AlarmCondition condition, string? siteId, DateTimeOffset at, long? followsAlarmId = null);

    /// <summary>
    /// The condition was seen again: moves last-seen and the end time (and counts an occurrence for event alarms, or for
    /// a condition that had ended and came back: its end is forgotten).
    /// </summary>
    Task TouchAlarmAsync(long alarmId, string detail, DateTimeOffset lastSeen, bool newOccurrence, DateTimeOffset? until = null);

    /// <summary>An alarm waiting for acknowledgement lost its condition; false when already marked or cleared.</summary>
    Task<bool> MarkConditionEndedAsync(long alarmId, DateTimeOffset at);

    /// <summary>Clears an open alarm; false when it was already cleared.</summary>
    Task<bool> ClearAlarmAsync(long alarmId, DateTimeOffset at);

    /// <summary>Records who acknowledged; false when it is unknown or already acknowledged.</summary>
    Task<bool> AcknowledgeAlarmAsync(long alarmId, string staffUser, DateTimeOffset at);

    Task<MonitoredAlarm?> GetAlarmAsync(long alarmId);

    /// <summary>Newest first; open alarms only when <paramref name="openOnly"/>; all lockers when <paramref name="lockerId"/> is null.</summary>
    Task<IReadOnlyList<MonitoredAlarm>> ListAlarmsAsync(string? lockerId, bool openOnly, int limit);

    Task<IReadOnlyDictionary<string, long>> CountOpenAlarmsByKindAsync();

    /// <summary>Stores a sample and drops the locker's samples older than <paramref name="pruneBefore"/>.</summary>
    Task InsertTelemetryAsync(string lockerId, TelemetrySample sample, DateTimeOffset pruneBefore);

    /// <summary>Oldest first, the most recent <paramref name="limit"/> samples.</summary>
    Task<IReadOnlyList<TelemetrySample>> ListTelemetryAsync(string lockerId, int limit);

    /// <summary>Every locker with its site and open alarms, those with open alarms first.</summary>
    Task<IReadOnlyList<FleetLocker>> ListFleetAsync();

    Task<IReadOnlyList<CompartmentView>> ListCompartmentsAsync(string lockerId);

    /// <summary>The locker's audit trail, newest first, narrowed by <paramref name="filter"/> when given.</summary>
    Task<IReadOnlyList<AuditEntry>> ListAuditAsync(string lockerId, int limit, AuditFilter? filter = null);

    Task<ActivityTotals> CountActivityAsync();
}
