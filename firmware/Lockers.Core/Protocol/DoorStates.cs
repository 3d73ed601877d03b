namespace Lockers.Core.Protocol
{
    /// <summary>Values of <see cref="Fields.State"/> in a door event.</summary>
    public static class DoorStates
    {
        /// <summary>The reed switch confirmed the door opened after an unlock.</summary>
        public const string Opened = "opened";

        /// <summary>The door closed.</summary>
        public const string Closed = "closed";

        /// <summary>Unlocked, but the door did not open: the code stays valid and an alarm is raised.</summary>
        public const string Jammed = "jammed";

        /// <summary>The door opened without an unlock.</summary>
        public const string Forced = "forced";

        /// <summary>The door stayed open longer than allowed.</summary>
        public const string LeftOpen = "left_open";

        /// <summary>Every state, in the order the documents list them.</summary>
        public static string[] All => new[] { Opened, Closed, Jammed, Forced, LeftOpen };

        /// <summary>True for a known door state.</summary>
        public static bool IsKnown(string state) => ValueSets.Contains(All, state);
    }
}
