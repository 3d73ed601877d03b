namespace Lockers.Core.Protocol
{
    /// <summary>
    /// Why the locker refused a command (<see cref="Fields.Reason"/> in a command_refused event and in a
    /// refused cmd/result). A refused command had no effect.
    /// </summary>
    public static class RefusalReasons
    {
        /// <summary>The signature does not match the locker's key.</summary>
        public const string BadSignature = "bad_signature";

        /// <summary>The counter is not above the last accepted one.</summary>
        public const string Replay = "replay";

        /// <summary>The command's expiry has passed.</summary>
        public const string Expired = "expired";

        /// <summary>The locker has no wall time yet (before SNTP), so expiry cannot be checked.</summary>
        public const string NoTime = "no_time";

        /// <summary>The command names another locker.</summary>
        public const string WrongLocker = "wrong_locker";

        /// <summary>Not JSON, a field missing or of the wrong type, or an unknown action.</summary>
        public const string Malformed = "malformed";

        /// <summary>The accepted counter could not be saved to flash, so the command was not run.</summary>
        public const string StorageError = "storage_error";

        /// <summary>Every reason, in the order the documents list them.</summary>
        public static string[] All => new[] { BadSignature, Replay, Expired, NoTime, WrongLocker, Malformed, StorageError };
    }
}
