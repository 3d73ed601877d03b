namespace Lockers.Gateway.Link;

/// <summary>Audit action names written by the locker link and provisioning (the rest are in Audit.AuditActions).</summary>
public static class LinkAuditActions
{
    public const string CommandSent = "locker.command_sent";
    public const string CommandResult = "locker.command_result";
    public const string CommandRefused = "locker.command_refused";
    public const string CodeTooOld = "code.too_old";
    public const string DoorForced = "door.forced";
    public const string DoorLeftOpen = "door.left_open";
    public const string Tamper = "locker.tamper";
    public const string Boot = "locker.boot";
    public const string JournalOverflow = "locker.journal_overflow";
    public const string UnknownEvent = "locker.unknown_event";
    public const string Provisioned = "admin.locker_provisioned";
    public const string Revoked = "admin.locker_revoked";
}
