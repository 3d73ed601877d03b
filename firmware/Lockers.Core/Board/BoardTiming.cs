namespace Lockers.Core.Board
{
    /// <summary>The board file's "solenoid" and "door" sections.</summary>
    public sealed class BoardTiming
    {
        internal BoardTiming(int ratedPulseMs, int minGapMs, int openConfirmMs, int leftOpenS, int debounceMs)
        {
            RatedPulseMs = ratedPulseMs;
            MinGapMs = minGapMs;
            OpenConfirmMs = openConfirmMs;
            LeftOpenS = leftOpenS;
            DebounceMs = debounceMs;
        }

        /// <summary>solenoid.ratedPulseMs, 1..2000: no solenoid is energised longer.</summary>
        public int RatedPulseMs { get; }

        /// <summary>solenoid.minGapMs, 0..10000: rest between two pulses.</summary>
        public int MinGapMs { get; }

        /// <summary>door.openConfirmMs, 100..60000: the door must open this soon after a pulse, or it is jammed.</summary>
        public int OpenConfirmMs { get; }

        /// <summary>door.leftOpenS, 1..86400: a door open longer is reported left open.</summary>
        public int LeftOpenS { get; }

        /// <summary>door.debounceMs, 0..1000: a sensor level must hold this long.</summary>
        public int DebounceMs { get; }
    }
}
