namespace Lockers.Core.Doors
{
    /// <summary>
    /// Where one compartment's door stands, as far as the controller knows. "Closed" is not a state: a door
    /// that closes is latched again (the lock latches mechanically), so it goes back to <see cref="Locked"/>
    /// and the controller raises <see cref="DoorEventKind.Closed"/>. Out of service is a separate flag
    /// (<see cref="DoorController.IsOutOfService"/>), because an out-of-service door still opens and closes.
    /// </summary>
    public enum DoorState
    {
        /// <summary>Closed and latched. The resting state.</summary>
        Locked,
        /// <summary>An unlock was accepted and waits for its turn (one solenoid at a time, with a gap).</summary>
        UnlockQueued,
        /// <summary>The solenoid was pulsed; waiting for the reed switch to report the door open.</summary>
        Unlocking,
        /// <summary>Open after an unlock the controller performed (or found open at start-up).</summary>
        Open,
        /// <summary>Opened without an unlock: forced, or the latch failed.</summary>
        Forced,
        /// <summary>Open for longer than the board's leftOpenS.</summary>
        LeftOpen,
        /// <summary>Pulsed, but the door did not open within openConfirmMs. A new unlock may retry.</summary>
        Jammed,
    }
}
