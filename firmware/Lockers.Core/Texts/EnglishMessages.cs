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
            "Door {0} of {1}\nis open",
            "Parcel {0}/{1}\nDoor {2}: put it in\nClose door when done\n0# too small 8# skip\n9# end round",
            "Collect {0}/{1}\nDoor {2}: take it out\nClose door when done\n8# skip 9# end round",
            "Too small\nUse door {0} instead",
            "No larger door free\nKeep the parcel\n8# next 9# end round",
            "Round done\n{0} in, {1} out",
            "Nothing to deliver\nor collect here",
        };
    }
}
