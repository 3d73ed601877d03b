namespace Lockers.Core.Protocol
{
    /// <summary>Values of <see cref="Fields.Kind"/>: what an event on the event channel reports.</summary>
    public static class EventKinds
    {
        /// <summary>A code was typed on a keypad or scanned: source, reader, code, entry, answer_ms.</summary>
        public const string CodeEntered = "code_entered";

        /// <summary>
        /// No answer came within the bound, and the code matched the locker's offline cache: its door is being opened.
        /// entry, source, reader, ref, compartment. The door's own events follow.
        /// </summary>
        public const string CodeOffline = "code_offline";

        /// <summary>A door changed state: compartment, state (see DoorStates).</summary>
        public const string Door = "door";

        /// <summary>A command was refused: command (id), reason (see RefusalReasons).</summary>
        public const string CommandRefused = "command_refused";

        /// <summary>The locker started: fw, boot.</summary>
        public const string Boot = "boot";

        /// <summary>A tamper sensor tripped: detail.</summary>
        public const string Tamper = "tamper";

        /// <summary>The journal was full and dropped its oldest events: dropped (running total).</summary>
        public const string JournalOverflow = "journal_overflow";

        /// <summary>
        /// The locker found its stored state damaged at start-up and repaired it: detail (what was wrong, e.g. an
        /// unreadable sequence counter and the new epoch it started, entries discarded, an unreadable command counter).
        /// </summary>
        public const string StorageFault = "storage_fault";

        /// <summary>Every kind, in the order the documents list them.</summary>
        public static string[] All => new[] { CodeEntered, CodeOffline, Door, CommandRefused, Boot, Tamper, JournalOverflow, StorageFault };
    }
}
