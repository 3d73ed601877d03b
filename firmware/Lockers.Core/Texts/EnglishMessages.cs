namespace Lockers.Core.Texts
{
    /// <summary>The display texts in English, indexed by <see cref="MessageKeys"/>. Lines are at most 20 characters.</summary>
    public static class EnglishMessages
    {
        /// <summary>One text per key, in key order.</summary>
        public static readonly string[] Texts =
        {
            "Enter code or scan",
            "Checking code...",
            "Code not accepted",
            "Door opening",
            "Out of service",
            "Too many tries\nWait {0} s",
            "Door {0} is open",
            "Go to {1}, door {0}",
            "Parcel {0}/{1}\nDoor {2}: put it in\nClose door when done\n0# too small 8# skip\n9# end round",
            "Collect {0}/{1}\nDoor {2}: take it out\nClose door when done\n8# skip 9# end round",
            "Too small\nUse door {0} instead",
            "No larger door free\nKeep the parcel\n8# next 9# end round",
            "Round done\n{0} in, {1} out",
            "Nothing to deliver\nor collect here",
            "Parcel being moved\nCode still valid:\ntry again in a few minutes",
            "Door {0} did not open\nCode still valid:\ntry again",
            "Door {0} out of service\nCode still valid:\ntry later",
            "{1}, door {0}\ndid not open\nCode still valid:\ntry again",
            "{1}, door {0}\nout of service\nCode still valid:\ntry later",
            "{0} is offline\nCode still valid:\ntry later",
            "No answer in time\nTry again",
            "Cannot check code\nnow. Try later",
            "Service paused here\nTry again later",
            "Round paused:\nunlocks held here\n{0} in, {1} out\nThe rest stay booked\nBadge or PIN again\nonce staff release",
        };
    }
}
