namespace Lockers.Core.Doors
{
    /// <summary>What happened to a door. The detail value of each kind is given in its description.</summary>
    public enum DoorEventKind
    {
        /// <summary>The solenoid was energised. Detail: the pulse length in ms.</summary>
        UnlockStarted,
        /// <summary>The door opened after an unlock: the code that asked for it may now be consumed. Detail: ms from pulse start.</summary>
        Opened,
        /// <summary>The door did not open within openConfirmMs of the pulse: the code stays valid. Detail: openConfirmMs.</summary>
        Jammed,
        /// <summary>
        /// The door opened without an unlock. If an unlock was queued for it, that unlock is cancelled and
        /// its reference is carried here. Detail: 0.
        /// </summary>
        Forced,
        /// <summary>The door has been open longer than leftOpenS (raised once per opening). Detail: ms open so far.</summary>
        LeftOpen,
        /// <summary>The door closed; it is latched again. Detail: ms it was open.</summary>
        Closed,
        /// <summary>
        /// Diagnostic: the solenoid stayed on past its pulse by more than the tolerance, because neither the pulse
        /// guard's timer nor Poll released it on time (a broken or missing host timer). Detail: ms beyond the pulse.
        /// </summary>
        OverPulse,
        /// <summary>The solenoid port threw while switching; every output was switched off. Detail: 0.</summary>
        OutputFault,
    }
}
