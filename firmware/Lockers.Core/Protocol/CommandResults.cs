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

        /// <summary>Failure: this firmware does not implement the action.</summary>
        public const string Unsupported = "unsupported";

        /// <summary>Every result, in the order the documents list them.</summary>
        public static string[] All => new[] { Ok, Refused, Failed };

        /// <summary>True for a known result.</summary>
        public static bool IsKnown(string result) => ValueSets.Contains(All, result);
    }
}
