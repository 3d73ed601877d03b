namespace Lockers.Gateway.Monitoring;

/// <summary>How urgently someone must act.</summary>
public enum AlarmSeverity
{
    /// <summary>Worth a look during the next visit.</summary>
    Warning = 1,
    /// <summary>A customer is affected now (offline locker, jammed door) or soon.</summary>
    Major = 2,
    /// <summary>Possible break-in or attack: forced door, tampering, refused signed commands.</summary>
    Critical = 3,
}

/// <summary>
/// Every alarm kind, one per condition, with its severity and how it clears: the one list the rules, the store,
/// the webhook, metrics, the dashboard and docs/operations.md (held by a test) agree on. An alarm of a kind not
/// listed here cannot be raised (<see cref="AlarmCondition"/> refuses it). To add a kind: a line below, a rule in
/// <see cref="AlarmRules"/>, a row in docs/operations.md.
/// </summary>
public static class AlarmKinds
{
    public const string LockerOffline = "locker_offline";
    public const string DoorLeftOpen = "door_left_open";
    public const string DoorForced = "door_forced";
    public const string DoorJammed = "door_jammed";
    public const string SensorFault = "sensor_fault";
    public const string PinThrottle = "pin_throttle";
    public const string SupplyOutOfRange = "supply_out_of_range";
    public const string TemperatureOutOfRange = "temperature_out_of_range";
    public const string JournalOverflow = "journal_overflow";
    public const string CommandRefused = "command_refused";
    public const string Tamper = "tamper";
    /// <summary>A locker connected again and again within minutes: another client holds its identity, or its link keeps dropping (ADR 0203).</summary>
    public const string SessionTakeover = "session_takeover";
    public const string StoreUnavailable = "store_unavailable";
    public const string SequenceReset = "sequence_reset";
    public const string EventsLost = "events_lost";
    public const string EventConflict = "event_conflict";
    public const string StorageFault = "storage_fault";
    public const string OfflineConflict = "offline_conflict";
    /// <summary>A site's budget of failed entries of one code family is spent: someone may be guessing codes there (ADR 0108).</summary>
    public const string GuessingBudget = "guessing_budget";
    /// <summary>Unlocks ran over the site's or the fleet's per-minute ceiling and are held until staff release them (ADR 0110).</summary>
    public const string UnlockAnomaly = "unlock_anomaly";
    /// <summary>A locker claimed something it was not provisioned for (an unknown reader) or sent text that is not printable (ADR 0109).</summary>
    public const string ClaimRefused = "claim_refused";

    /// <summary>
    /// <see cref="AlarmSeverity.Critical"/> for possible break-ins and attacks, <see cref="AlarmSeverity.Major"/> when a
    /// customer is affected, <see cref="AlarmSeverity.Warning"/> otherwise. An event alarm comes from a one-off event,
    /// not a lasting condition, and clears after Monitoring:EventAlarmQuietMinutes without a repeat.
    /// </summary>
    private static readonly (string Kind, AlarmSeverity Severity, bool IsEvent)[] Table =
    [
        (LockerOffline, AlarmSeverity.Major, false),
        (DoorLeftOpen, AlarmSeverity.Major, false),
        (DoorForced, AlarmSeverity.Critical, false),
        (DoorJammed, AlarmSeverity.Major, false),
        (SensorFault, AlarmSeverity.Warning, false),
        (PinThrottle, AlarmSeverity.Major, false),
        (SupplyOutOfRange, AlarmSeverity.Major, false),
        (TemperatureOutOfRange, AlarmSeverity.Warning, false),
        (JournalOverflow, AlarmSeverity.Warning, true),
        (CommandRefused, AlarmSeverity.Critical, true),
        (Tamper, AlarmSeverity.Critical, true),
        (SessionTakeover, AlarmSeverity.Critical, true),
        (StoreUnavailable, AlarmSeverity.Major, false),
        (SequenceReset, AlarmSeverity.Warning, true),
        (EventsLost, AlarmSeverity.Major, true),
        (EventConflict, AlarmSeverity.Critical, true),
        (StorageFault, AlarmSeverity.Warning, true),
        (OfflineConflict, AlarmSeverity.Major, true),
        (GuessingBudget, AlarmSeverity.Critical, false),
        (UnlockAnomaly, AlarmSeverity.Critical, false),
        (ClaimRefused, AlarmSeverity.Critical, true),
    ];

    public static IReadOnlyList<string> All { get; } = Table.Select(row => row.Kind).ToArray();

    public static bool IsKnown(string kind) => Table.Any(row => row.Kind == kind);

    /// <exception cref="ArgumentException">A kind not in the list.</exception>
    public static AlarmSeverity SeverityOf(string kind) => Find(kind).Severity;

    /// <summary>
    /// Critical alarms (possible break-ins and attacks) stay open until someone acknowledges them, even after their
    /// condition ended: a forced door that is closed again, or turned into "left open", must still be looked at.
    /// </summary>
    public static bool WaitsForAcknowledgement(string kind) => Find(kind).Severity == AlarmSeverity.Critical;

    /// <summary>Kinds raised by a one-off event rather than a lasting condition; they clear after a quiet period.</summary>
    public static bool IsEventAlarm(string kind) => Find(kind).IsEvent;

    private static (string Kind, AlarmSeverity Severity, bool IsEvent) Find(string kind)
    {
        foreach (var row in Table)
        {
            if (row.Kind == kind)
            {
                return row;
            }
        }

        throw new ArgumentException($"'{kind}' is not an alarm kind (Monitoring/AlarmKinds lists them)", nameof(kind));
    }
}
