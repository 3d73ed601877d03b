namespace Lockers.Core.Doors
{
    /// <summary>
    /// Wire names for door states and events (lower camel case, as in the protocol's JSON). Written out by
    /// hand because Enum.ToString() yields the number on nanoFramework.
    /// </summary>
    public static class DoorNames
    {
        /// <summary>The name of a door state, e.g. "locked", "leftOpen".</summary>
        public static string ToName(DoorState state)
        {
            switch (state)
            {
                case DoorState.Locked: return "locked";
                case DoorState.UnlockQueued: return "unlockQueued";
                case DoorState.Unlocking: return "unlocking";
                case DoorState.Open: return "open";
                case DoorState.Forced: return "forced";
                case DoorState.LeftOpen: return "leftOpen";
                case DoorState.Jammed: return "jammed";
                default: return "unknown";
            }
        }

        /// <summary>The name of a door event kind, e.g. "opened", "overPulse".</summary>
        public static string ToName(DoorEventKind kind)
        {
            switch (kind)
            {
                case DoorEventKind.UnlockStarted: return "unlockStarted";
                case DoorEventKind.Opened: return "opened";
                case DoorEventKind.Jammed: return "jammed";
                case DoorEventKind.Forced: return "forced";
                case DoorEventKind.LeftOpen: return "leftOpen";
                case DoorEventKind.Closed: return "closed";
                case DoorEventKind.OverPulse: return "overPulse";
                case DoorEventKind.OutputFault: return "outputFault";
                default: return "unknown";
            }
        }

        /// <summary>The name of an unlock result, e.g. "queued", "outOfService".</summary>
        public static string ToName(UnlockResult result)
        {
            switch (result)
            {
                case UnlockResult.Queued: return "queued";
                case UnlockResult.AlreadyInProgress: return "alreadyInProgress";
                case UnlockResult.AlreadyOpen: return "alreadyOpen";
                case UnlockResult.OutOfService: return "outOfService";
                case UnlockResult.UnknownCompartment: return "unknownCompartment";
                default: return "unknown";
            }
        }
    }
}
