namespace Lockers.Gateway.Audit;

/// <summary>
/// Every audit action name the gateway writes, in one place so queries, the dashboard's audit trail and the
/// docs agree. Names are "subject.verb_or_state"; they are stored, so a released name never changes.
/// </summary>
public static class AuditActions
{
    // Codes entered at a locker.
    public const string CodeIssued = "code.issued";
    public const string CodeAccepted = "code.accepted";
    public const string CodeRejected = "code.rejected";
    public const string CodeThrottled = "code.throttled";
    public const string CodeConsumed = "code.consumed";
    public const string CodeTooOld = "code.too_old";
    public const string CodeTooLate = "code.too_late";
    public const string CodeOpenedOffline = "code.opened_offline";
    public const string CodeOfflineConflict = "code.offline_conflict";
    public const string CodeDoorUnavailable = "code.door_unavailable";
    /// <summary>Not checked: unlocks are held at the site or in the fleet (Guard).</summary>
    public const string CodeHeld = "code.held";
    /// <summary>Not checked: the reader is not one the locker was provisioned with, or not of the entry's source (ADR 0109).</summary>
    public const string CodeReaderRefused = "code.reader_refused";

    // Doors, as the locker reports them, and opened from the dashboard.
    public const string DoorOpened = "door.opened";
    public const string DoorClosed = "door.closed";
    public const string DoorJammed = "door.jammed";
    public const string DoorForced = "door.forced";
    public const string DoorLeftOpen = "door.left_open";
    public const string RemoteOpen = "door.remote_open";

    // The parcel lifecycle (Reservations/ReservationLifecycle).
    public const string ReservationBooked = "reservation.booked";
    public const string ReservationCancelled = "reservation.cancelled";
    public const string ReservationExtended = "reservation.extended";
    public const string ReservationExpired = "reservation.expired";
    public const string ReservationRelocated = "reservation.relocated";
    public const string ParcelMoveRequested = "parcel.move_requested";
    public const string ParcelMoved = "parcel.moved";
    public const string ParcelMoveCancelled = "parcel.move_cancelled";
    public const string ReservationRedirected = "reservation.redirected";
    public const string AccessReissued = "reservation.access_reissued";
    public const string ReservationResized = "reservation.resized";
    public const string DepositAbandoned = "reservation.deposit_abandoned";

    // Couriers (issued and revoked by their carrier) and their rounds at a locker.
    public const string CourierIssued = "courier.issued";
    public const string CourierRevoked = "courier.revoked";
    public const string RoundStarted = "courier.round_started";
    public const string RoundStep = "courier.round_step";
    public const string RoundDidNotFit = "courier.did_not_fit";
    public const string RoundSkipped = "courier.skipped";
    public const string RoundEnded = "courier.round_ended";
    public const string RoundHeld = "courier.round_held";

    // What a locker tells about itself, and the commands it is sent.
    public const string LockerOnlineChanged = "locker.online_changed";
    public const string CommandSent = "locker.command_sent";
    public const string CommandResult = "locker.command_result";
    public const string CommandRefused = "locker.command_refused";
    public const string CommandUnanswered = "locker.command_unanswered";
    public const string Tamper = "locker.tamper";
    public const string Boot = "locker.boot";
    public const string JournalOverflow = "locker.journal_overflow";
    public const string UnknownEvent = "locker.unknown_event";
    public const string StorageFault = "locker.storage_fault";

    // A locker's event numbering (Link/EventSequencer, ADR 0207).
    public const string SequenceReset = "events.sequence_reset";
    public const string EventsLost = "events.lost";
    public const string EventConflict = "events.conflict";
    public const string EventApplyLate = "events.applied_late";

    // Alarms (Monitoring/AlarmLifecycle).
    public const string AlarmRaised = "alarm.raised";
    public const string AlarmConditionEnded = "alarm.condition_ended";
    public const string AlarmAcknowledged = "alarm.acknowledged";
    public const string AlarmCleared = "alarm.cleared";

    // Staff at the dashboard.
    public const string StaffSignedIn = "staff.signed_in";
    public const string StaffSignInFailed = "staff.sign_in_failed";
    public const string StaffSignedOut = "staff.signed_out";
    public const string StaffPasswordChanged = "staff.password_changed";
    /// <summary>Every session of an account ended (password or role changed, account disabled); ADR 0302.</summary>
    public const string StaffSessionsRevoked = "staff.sessions_revoked";

    // The unlock anomaly guard (Guard/UnlockGuard): holds by staff or over a ceiling, and their release.
    public const string UnlocksHeld = "guard.unlocks_held";
    public const string UnlocksReleased = "guard.unlocks_released";

    // Administration (command line and dashboard).
    public const string SiteImported = "admin.site_imported";
    public const string ApiClientCreated = "admin.api_client_created";
    public const string CompartmentServiceChanged = "admin.compartment_service_changed";
    public const string LockerServiceChanged = "admin.locker_service_changed";
    public const string LockerProvisioned = "admin.locker_provisioned";
    public const string LockerRevoked = "admin.locker_revoked";
    public const string StaffAccountSaved = "admin.staff_account_saved";
    public const string StaffAccountDisabled = "admin.staff_account_disabled";
    public const string StaffAccountEnabled = "admin.staff_account_enabled";
    public const string RecipientPolicyChanged = "admin.recipient_policy_changed";
}
