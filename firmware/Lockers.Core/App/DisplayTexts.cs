namespace Lockers.Core.App
{
    /// <summary>What the display says. One place, so a translation or a shorter display changes one file.</summary>
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

        /// <summary>The reader is throttled after failed codes, for <paramref name="seconds"/> seconds.</summary>
        public static string Throttled(int seconds) => "Too many tries. Wait " + seconds + " s";

        /// <summary>The door that opened.</summary>
        public static string DoorOpened(int compartment) => "Door " + compartment + " is open";
    }
}
