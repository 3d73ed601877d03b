namespace Lockers.Core.Texts
{
    /// <summary>
    /// Every text the locker's display can show, as a key: an index into each language's table
    /// (<see cref="EnglishMessages"/>, <see cref="JapaneseMessages"/>, <see cref="ChineseMessages"/>) and a wire
    /// name the gateway sends in a <c>show_message_key</c> command. The set is closed on purpose: the display's font
    /// holds only the glyphs these texts use (hardware/display/README.md). A text takes up to four arguments,
    /// written <c>{0}</c>..<c>{3}</c> in the tables (numbers, door labels).
    /// </summary>
    public static class MessageKeys
    {
        /// <summary>Idle, ready for a code.</summary>
        public const int Ready = 0;

        /// <summary>A code was sent to the gateway for checking.</summary>
        public const int Checking = 1;

        /// <summary>The one answer for a wrong, expired or unknown code (no hint which).</summary>
        public const int CodeRefused = 2;

        /// <summary>A door is being opened.</summary>
        public const int DoorOpening = 3;

        /// <summary>The locker is out of service.</summary>
        public const int OutOfService = 4;

        /// <summary>The reader is held back after failed codes: {0} seconds.</summary>
        public const int Throttled = 5;

        /// <summary>Door {0} opened.</summary>
        public const int DoorOpened = 6;

        /// <summary>The parcel's door is on another controller of the site ({1}, its name), which confirmed door {0} opened.</summary>
        public const int GoToDoor = 7;

        /// <summary>Round step: put parcel {0} of {1} into door {2}.</summary>
        public const int RoundDeposit = 8;

        /// <summary>Round step: take parcel {0} of {1} out of door {2}.</summary>
        public const int RoundCollect = 9;

        /// <summary>The parcel did not fit: door {0}, a larger one, opens instead.</summary>
        public const int RoundLarger = 10;

        /// <summary>The parcel did not fit and no larger door is free: the courier keeps it and goes on with 8#.</summary>
        public const int RoundNoLarger = 11;

        /// <summary>The round is over: {0} put in, {1} taken out.</summary>
        public const int RoundDone = 12;

        /// <summary>The courier was recognised but nothing waits at this site.</summary>
        public const int RoundNothing = 13;

        /// <summary>Staff are moving the parcel the code belongs to; the code stays valid.</summary>
        public const int ParcelBeingMoved = 14;

        /// <summary>An unlock did not open door {0} (jammed, or the solenoid failed); the code that asked stays valid.</summary>
        public const int DoorDidNotOpen = 15;

        /// <summary>Door {0}, holding the parcel, is out of service; the code stays valid and the pickup window stops.</summary>
        public const int DoorOutOfService = 16;

        /// <summary>Door {0} on another controller ({1}) did not open; the code stays valid.</summary>
        public const int DoorElsewhereDidNotOpen = 17;

        /// <summary>Door {0} on another controller ({1}) is out of service; the code stays valid.</summary>
        public const int DoorElsewhereOutOfService = 18;

        /// <summary>The controller holding the parcel ({0}) cannot be reached; the code stays valid and the pickup window stops.</summary>
        public const int LockerOffline = 19;

        /// <summary>
        /// A code's answer did not come within the answer window (config answerS): the locker gave the entry up and will
        /// not act on a late answer, so the person types the code again.
        /// </summary>
        public const int TooLate = 20;

        /// <summary>The gateway cannot be reached and the offline cache does not know the code: the locker cannot decide.</summary>
        public const int CannotCheck = 21;

        /// <summary>
        /// Staff (or the gateway's unlock guard) hold unlocks at this site; the code was not checked, so nothing is said
        /// about it. Sent by the gateway (show_message_key).
        /// </summary>
        public const int ServicePaused = 22;

        /// <summary>
        /// A courier's round stopped part-way because unlocks are held at this site (staff, or the gateway's unlock guard):
        /// {0} put in and {1} taken out so far; the rest stay booked, and the badge or PIN goes on once staff release the hold.
        /// </summary>
        public const int RoundPaused = 23;

        /// <summary>How many keys there are; every table has exactly this many texts.</summary>
        public const int Count = 24;

        /// <summary>Most arguments a text takes.</summary>
        public const int MaxArguments = 4;

        /// <summary>The wire names, by key (snake_case, stable: a released name never changes).</summary>
        public static string[] Names => new[]
        {
            "ready", "checking", "code_refused", "door_opening", "out_of_service", "throttled", "door_opened",
            "go_to_door", "round_deposit", "round_collect", "round_larger", "round_no_larger",
            "round_done", "round_nothing", "parcel_being_moved", "door_did_not_open", "door_out_of_service",
            "door_elsewhere_did_not_open", "door_elsewhere_out_of_service", "locker_offline",
            "too_late", "cannot_check", "service_paused", "round_paused",
        };

        /// <summary>The key with this wire name, or -1.</summary>
        public static int FromName(string name)
        {
            // Compared one by one: Names makes an array per call.
            if (name == "ready") return Ready;
            if (name == "checking") return Checking;
            if (name == "code_refused") return CodeRefused;
            if (name == "door_opening") return DoorOpening;
            if (name == "out_of_service") return OutOfService;
            if (name == "throttled") return Throttled;
            if (name == "door_opened") return DoorOpened;
            if (name == "go_to_door") return GoToDoor;
            if (name == "round_deposit") return RoundDeposit;
            if (name == "round_collect") return RoundCollect;
            if (name == "round_larger") return RoundLarger;
            if (name == "round_no_larger") return RoundNoLarger;
            if (name == "round_done") return RoundDone;
            if (name == "round_nothing") return RoundNothing;
            if (name == "parcel_being_moved") return ParcelBeingMoved;
            if (name == "door_did_not_open") return DoorDidNotOpen;
            if (name == "door_out_of_service") return DoorOutOfService;
            if (name == "door_elsewhere_did_not_open") return DoorElsewhereDidNotOpen;
            if (name == "door_elsewhere_out_of_service") return DoorElsewhereOutOfService;
            if (name == "locker_offline") return LockerOffline;
            if (name == "too_late") return TooLate;
            if (name == "cannot_check") return CannotCheck;
            if (name == "service_paused") return ServicePaused;
            if (name == "round_paused") return RoundPaused;
            return -1;
        }
    }
}
