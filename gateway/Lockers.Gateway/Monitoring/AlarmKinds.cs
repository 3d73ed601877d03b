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

/// <summary>Every alarm kind, in one place so the store, webhook, metrics and dashboard agree.</summary>
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

    public static IReadOnlyList<string> All { get; } =
    [
        LockerOffline, DoorLeftOpen, DoorForced, DoorJammed, SensorFault, PinThrottle,
        SupplyOutOfRange, TemperatureOutOfRange, JournalOverflow, CommandRefused, Tamper, SessionTakeover,
    ];

    public static AlarmSeverity SeverityOf(string kind) => kind switch
    {
        DoorForced or Tamper or CommandRefused or SessionTakeover => AlarmSeverity.Critical,
        LockerOffline or DoorJammed or DoorLeftOpen or PinThrottle or SupplyOutOfRange => AlarmSeverity.Major,
        _ => AlarmSeverity.Warning,
    };

    /// <summary>Kinds raised by a one-off event rather than a lasting condition; they clear after a quiet period.</summary>
    public static bool IsEventAlarm(string kind) => kind is CommandRefused or JournalOverflow or Tamper or SessionTakeover;
}
