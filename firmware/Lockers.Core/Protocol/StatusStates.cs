namespace Lockers.Core.Protocol
{
    /// <summary>Values of <see cref="Fields.State"/> on the status channel.</summary>
    public static class StatusStates
    {
        /// <summary>The birth message, published retained on connect.</summary>
        public const string Online = "online";

        /// <summary>The last will, published retained by the broker when the locker vanishes (or on a clean stop).</summary>
        public const string Offline = "offline";
    }
}
