namespace Lockers.Core.Doors
{
    /// <summary>The answer to <see cref="DoorController.RequestUnlock(int, string)"/>.</summary>
    public enum UnlockResult
    {
        /// <summary>Accepted; the pulse follows when the solenoid bus is free.</summary>
        Queued,
        /// <summary>An unlock for this compartment is already queued or in progress; nothing added.</summary>
        AlreadyInProgress,
        /// <summary>The door is open already; nothing to do.</summary>
        AlreadyOpen,
        /// <summary>The compartment is out of service and no maintenance override was given.</summary>
        OutOfService,
        /// <summary>No compartment with this number on this board.</summary>
        UnknownCompartment,
    }
}
