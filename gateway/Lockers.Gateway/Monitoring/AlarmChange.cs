namespace Lockers.Gateway.Monitoring;

/// <summary>
/// An alarm entering a lifecycle step: raised; its condition ended while it waits to be acknowledged (critical alarms);
/// updated (its detail or its end time changed, for open pages only); acknowledged; cleared.
/// </summary>
public sealed record AlarmChange(string Change, MonitoredAlarm Alarm)
{
    public const string Raised = "raised";
    public const string ConditionEnded = "condition_ended";
    public const string Updated = "updated";
    public const string Acknowledged = "acknowledged";
    public const string Cleared = "cleared";

    /// <summary>Steps the alarm webhook carries; an update only redraws open pages.</summary>
    public bool ForWebhook => Change != Updated;
}
