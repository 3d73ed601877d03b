namespace Lockers.Gateway.Monitoring;

/// <summary>Audit action names of monitoring and the dashboard (the rest are in <see cref="Audit.AuditActions"/>).</summary>
public static class MonitoringAuditActions
{
    public const string AlarmRaised = "alarm.raised";
    public const string AlarmAcknowledged = "alarm.acknowledged";
    public const string AlarmCleared = "alarm.cleared";
    public const string RemoteOpen = "door.remote_open";
    public const string LockerServiceChanged = "admin.locker_service_changed";
    public const string ParcelMoved = "parcel.moved";
    public const string StaffSignedIn = "staff.signed_in";
    public const string StaffSignInFailed = "staff.sign_in_failed";
    public const string StaffAccountSaved = "admin.staff_account_saved";
}
