namespace Lockers.Core.Feedback
{
    /// <summary>
    /// The short texts the locker shows on its display. One place, so a translation or a smaller display
    /// changes one file. Each fits a 16-character line.
    /// </summary>
    public static class FeedbackTexts
    {
        /// <summary>Width of the smallest supported display line.</summary>
        public const int MaxLength = 16;

        /// <summary>Idle prompt.</summary>
        public const string EnterCode = "Enter code";

        /// <summary>Shown while a code is being checked.</summary>
        public const string PleaseWait = "Please wait";

        /// <summary>The one answer for a wrong, expired or unknown code (no hint which).</summary>
        public const string CodeNotAccepted = "Code not valid";

        /// <summary>Too many failed attempts on this keypad; the scanner still works.</summary>
        public const string TryLater = "Try again later";

        /// <summary>The locker cannot serve (no gateway and no cached code, or out of service).</summary>
        public const string OutOfService = "Out of service";

        /// <summary>A door could not be opened (jammed); the code stays valid.</summary>
        public const string DoorFault = "Door fault";

        /// <summary>"Door 12 open": tells the user which door to take.</summary>
        public static string DoorOpen(int compartment) => "Door " + compartment + " open";

        /// <summary>"Close door 12": a door was left open.</summary>
        public static string CloseDoor(int compartment) => "Close door " + compartment;
    }
}
