namespace Lockers.Core.Doors
{
    /// <summary>
    /// Reports a door event. <paramref name="reference"/> is the reference given to RequestUnlock (a command
    /// id or "pin"/"qr" reason) for unlock-related events, or "" when there is none; <paramref name="detail"/>
    /// is explained per <see cref="DoorEventKind"/>. Raised from within Poll or RequestUnlock, on the caller's thread.
    /// </summary>
    public delegate void DoorEventHandler(int compartment, DoorEventKind kind, string reference, long detail);
}
