using Lockers.Core.Doors;
using Lockers.Core.Protocol;

namespace Lockers.Core.App
{
    /// <summary>How the door controller's events map onto the protocol's door states and command results.</summary>
    public static class DoorEventNames
    {
        /// <summary>The door event's state on the wire, or "" for diagnostics that are not door events (pulse start, over-pulse, output fault).</summary>
        public static string ToProtocolState(DoorEventKind kind)
        {
            switch (kind)
            {
                case DoorEventKind.Opened: return DoorStates.Opened;
                case DoorEventKind.Closed: return DoorStates.Closed;
                case DoorEventKind.Jammed: return DoorStates.Jammed;
                case DoorEventKind.Forced: return DoorStates.Forced;
                case DoorEventKind.LeftOpen: return DoorStates.LeftOpen;
                default: return "";
            }
        }

        /// <summary>
        /// For an event that ends an unlock: "" when the unlock succeeded (opened) or the event does not end
        /// one, else the failure reason for the command's result.
        /// </summary>
        public static string UnlockFailureReason(DoorEventKind kind)
        {
            switch (kind)
            {
                case DoorEventKind.Jammed: return CommandResults.Jammed;
                case DoorEventKind.OutputFault: return CommandResults.Jammed;
                case DoorEventKind.Forced: return CommandResults.Forced;
                default: return "";
            }
        }
    }
}
