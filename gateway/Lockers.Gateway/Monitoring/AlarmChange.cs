namespace Lockers.Gateway.Monitoring;

/// <summary>An alarm entering a lifecycle step: raised, acknowledged or cleared.</summary>
public sealed record AlarmChange(string Change, MonitoredAlarm Alarm)
{
    public const string Raised = "raised";
    public const string Acknowledged = "acknowledged";
    public const string Cleared = "cleared";
}
