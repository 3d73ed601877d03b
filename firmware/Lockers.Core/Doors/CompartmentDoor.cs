namespace Lockers.Core.Doors
{
    /// <summary>One compartment's door as the controller tracks it. Mutable, owned by DoorController only.</summary>
    internal sealed class CompartmentDoor
    {
        internal CompartmentDoor(int number, bool open, long nowMs)
        {
            Number = number;
            Open = open;
            CandidateOpen = open;
            CandidateSinceMs = nowMs;
            OpenSinceMs = nowMs;
            State = open ? DoorState.Open : DoorState.Locked;
            Reference = "";
        }

        internal int Number { get; }

        internal DoorState State { get; set; }

        /// <summary>The debounced sensor level.</summary>
        internal bool Open { get; set; }

        /// <summary>The latest raw level, and since when it has held.</summary>
        internal bool CandidateOpen { get; set; }

        internal long CandidateSinceMs { get; set; }

        internal long OpenSinceMs { get; set; }

        internal bool LeftOpenReported { get; set; }

        internal bool OutOfService { get; set; }

        /// <summary>The reference of the queued or running unlock.</summary>
        internal string Reference { get; set; }

        internal int PulseMs { get; set; }

        internal long PulseStartMs { get; set; }

        /// <summary>
        /// Feeds one raw reading; returns true when the debounced level changes. The change is dated from
        /// when the new level first appeared, not from when it had held long enough.
        /// </summary>
        internal bool Debounce(bool rawOpen, long nowMs, int debounceMs)
        {
            if (rawOpen != CandidateOpen)
            {
                CandidateOpen = rawOpen;
                CandidateSinceMs = nowMs;
            }

            if (CandidateOpen == Open || nowMs - CandidateSinceMs < debounceMs) return false;
            Open = CandidateOpen;
            return true;
        }
    }
}
