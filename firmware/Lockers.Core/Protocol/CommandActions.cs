namespace Lockers.Core.Protocol
{
    /// <summary>Values of <see cref="Fields.Action"/> in a command, with the arguments each one uses.</summary>
    public static class CommandActions
    {
        /// <summary>Open a compartment: compartment; entry when it answers a code entry.</summary>
        public const string Unlock = "unlock";

        /// <summary>Take a compartment out of service (on=true) or back (on=false); compartment 0 is the whole locker.</summary>
        public const string OutOfService = "out_of_service";

        /// <summary>Show a message on a reader's display: reader, text; entry when it answers a code entry.</summary>
        public const string ShowMessage = "show_message";

        /// <summary>
        /// Show one of the locker's own texts on a reader's display, in the locker's language: reader, text =
        /// <c>key</c> or <c>key|arg|arg</c> (Texts/MessageKeys); retry_after_s &gt; 0 keeps it as the display's resting text for
        /// that many seconds (a courier round's step); entry when it answers a code entry. A key the firmware does not know is
        /// answered failed/unsupported.
        /// </summary>
        public const string ShowMessageKey = "show_message_key";

        /// <summary>A code was refused: tell the person at reader; retry_after_s &gt; 0 when it is throttled; entry when it answers a code entry.</summary>
        public const string Deny = "deny";

        /// <summary>
        /// One part of the locker's offline code cache: version, part, parts, codes. When every part of a version has
        /// arrived, in order, it replaces the cache (CachedCodesText describes the codes).
        /// </summary>
        public const string SyncCodes = "sync_codes";

        /// <summary>Every action, in the order the documents list them.</summary>
        public static string[] All => new[] { Unlock, OutOfService, ShowMessage, ShowMessageKey, Deny, SyncCodes };

        /// <summary>True for a known action.</summary>
        public static bool IsKnown(string action)
        {
            // Compared one by one rather than through All, which makes an array per call (every command is checked).
            return action == Unlock || action == OutOfService || action == ShowMessage || action == ShowMessageKey || action == Deny || action == SyncCodes;
        }
    }
}
