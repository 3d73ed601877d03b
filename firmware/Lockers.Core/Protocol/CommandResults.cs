namespace Lockers.Core.Protocol
{
    /// <summary>Values of <see cref="Fields.Result"/> on the cmd/result channel, and the failure reasons.</summary>
    public static class CommandResults
    {
        /// <summary>Done.</summary>
        public const string Ok = "ok";

        /// <summary>Not attempted: the reason is one of <see cref="RefusalReasons"/>.</summary>
        public const string Refused = "refused";

        /// <summary>Attempted and failed: the reason is one of the failure reasons below.</summary>
        public const string Failed = "failed";

        /// <summary>Failure: the door did not open.</summary>
        public const string Jammed = "jammed";

        /// <summary>Failure: the door was forced open before the unlock pulse, so the unlock did not open it.</summary>
        public const string Forced = "forced";

        /// <summary>Failure: no such compartment or reader on this locker.</summary>
        public const string UnknownTarget = "unknown_target";

        /// <summary>Failure: the compartment (or locker) is out of service.</summary>
        public const string OutOfService = "out_of_service";

        /// <summary>
        /// Failure: the code entry the command answers is no longer waiting (its answer window passed, the same reader
        /// took a new code, or the locker already answered it from its offline cache). Nothing was done.
        /// </summary>
        public const string TooLate = "too_late";

        /// <summary>Failure: a sync_codes part that does not continue the version being assembled (a part missing or out of order).</summary>
        public const string OutOfOrder = "out_of_order";

        /// <summary>Failure: this firmware does not implement the action.</summary>
        public const string Unsupported = "unsupported";

        /// <summary>Every failure reason, in the order the documents list them.</summary>
        public static string[] FailureReasons => new[] { Jammed, Forced, UnknownTarget, OutOfService, TooLate, OutOfOrder, Unsupported };

        /// <summary>Every result, in the order the documents list them.</summary>
        public static string[] All => new[] { Ok, Refused, Failed };

        /// <summary>True for a known result.</summary>
        public static bool IsKnown(string result) => ValueSets.Contains(All, result);
    }
}
