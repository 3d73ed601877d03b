namespace Lockers.Core.App
{
    /// <summary>
    /// What the display says, every text in this one place, so a translation or a shorter display changes one file.
    /// A message after a fault says what the person can do next, and says only what the locker (or the gateway) has
    /// confirmed: the gateway builds its messages for a reader from the same texts (show_message).
    /// </summary>
    public static class DisplayTexts
    {
        /// <summary>Idle, ready for a code.</summary>
        public const string Ready = "Enter code or scan";

        /// <summary>A code was sent for checking.</summary>
        public const string Checking = "Checking code...";

        /// <summary>The gateway refused the code.</summary>
        public const string CodeRefused = "Code not accepted";

        /// <summary>A door is being opened.</summary>
        public const string DoorOpening = "Door opening";

        /// <summary>
        /// A code's answer did not come within the answer window (config answerS): the locker gave the entry up and will
        /// not act on a late answer, so the person types the code again.
        /// </summary>
        public const string TooLate = "No answer in time. Try again";

        /// <summary>The gateway cannot be reached and the offline cache does not know the code: the locker cannot decide.</summary>
        public const string CannotCheck = "Cannot check code now. Try later";

        /// <summary>The locker is out of service.</summary>
        public const string OutOfService = "Out of service";

        /// <summary>
        /// Staff (or the gateway's unlock guard) hold unlocks at this site; the code was not checked, so nothing is said
        /// about it. Shown by the gateway's show_message.
        /// </summary>
        public const string ServicePaused = "Service paused here. Try again later";

        /// <summary>Staff are moving the parcel the code belongs to; the code stays valid.</summary>
        public const string ParcelBeingMoved = "Parcel being moved. Code still valid: try again in a few minutes";

        /// <summary>The reader is throttled after failed codes, for <paramref name="seconds"/> seconds.</summary>
        public static string Throttled(int seconds) => "Too many tries. Wait " + seconds + " s";

        /// <summary>The door that opened.</summary>
        public static string DoorOpened(int compartment) => "Door " + compartment + " is open";

        /// <summary>An unlock did not open the door (jammed, or the solenoid failed); the code that asked stays valid.</summary>
        public static string DoorDidNotOpen(int compartment) => "Door " + compartment + " did not open. Code still valid: try again";

        /// <summary>The door holding the parcel is out of service; the code stays valid and the pickup window stops.</summary>
        public static string DoorOutOfService(int compartment) => "Door " + compartment + " out of service. Code still valid: try later";

        /// <summary>The parcel's door is on another controller of the site, which confirmed it opened.</summary>
        public static string GoToDoor(string lockerName, int compartment) => "Go to " + lockerName + ", door " + compartment;

        /// <summary>The door on another controller of the site did not open; the code stays valid.</summary>
        public static string DoorElsewhereDidNotOpen(string lockerName, int compartment) =>
            lockerName + ", door " + compartment + " did not open. Code still valid: try again";

        /// <summary>The door on another controller of the site is out of service; the code stays valid.</summary>
        public static string DoorElsewhereOutOfService(string lockerName, int compartment) =>
            lockerName + ", door " + compartment + " out of service. Code still valid: try later";

        /// <summary>The controller holding the parcel cannot be reached; the code stays valid and the pickup window stops.</summary>
        public static string LockerOffline(string lockerName) => lockerName + " is offline. Code still valid: try later";
    }
}
