using System;
using Lockers.Core.Board;

namespace Lockers.Core.Doors
{
    /// <summary>
    /// The door controller's timing, normally the board file's solenoid and door sections
    /// (see docs/board-file.md). All values are milliseconds.
    /// </summary>
    public sealed class DoorTiming
    {
        /// <summary>Default lateness of Poll, beyond the pulse end, tolerated before an OverPulse is reported.</summary>
        public const long DefaultOverPulseToleranceMs = 20;

        /// <summary>Creates timing values, checking the ranges the board file allows.</summary>
        public DoorTiming(int ratedPulseMs, int minGapMs, int openConfirmMs, long leftOpenMs, int debounceMs)
        {
            if (ratedPulseMs < 1 || ratedPulseMs > 2000) throw new ArgumentOutOfRangeException(nameof(ratedPulseMs), "must be 1..2000");
            if (minGapMs < 0 || minGapMs > 10000) throw new ArgumentOutOfRangeException(nameof(minGapMs), "must be 0..10000");
            if (openConfirmMs < 1) throw new ArgumentOutOfRangeException(nameof(openConfirmMs), "must be > 0");
            if (leftOpenMs < 1) throw new ArgumentOutOfRangeException(nameof(leftOpenMs), "must be > 0");
            if (debounceMs < 0) throw new ArgumentOutOfRangeException(nameof(debounceMs), "must be >= 0");
            RatedPulseMs = ratedPulseMs;
            MinGapMs = minGapMs;
            OpenConfirmMs = openConfirmMs;
            LeftOpenMs = leftOpenMs;
            DebounceMs = debounceMs;
            OverPulseToleranceMs = DefaultOverPulseToleranceMs;
        }

        /// <summary>The timing of a loaded board: its solenoid and door sections.</summary>
        public static DoorTiming FromBoard(BoardDefinition board)
        {
            if (board == null) throw new ArgumentNullException(nameof(board));
            BoardTiming t = board.Timing;
            return new DoorTiming(t.RatedPulseMs, t.MinGapMs, t.OpenConfirmMs, t.LeftOpenS * 1000L, t.DebounceMs);
        }

        /// <summary>The lock's rated pulse: no solenoid is ever energised longer.</summary>
        public int RatedPulseMs { get; }

        /// <summary>Rest between the end of one pulse and the start of the next (and after start-up).</summary>
        public int MinGapMs { get; }

        /// <summary>The reed switch must report open within this time from the pulse start, or the door is jammed.</summary>
        public int OpenConfirmMs { get; }

        /// <summary>A door open longer than this is reported left open.</summary>
        public long LeftOpenMs { get; }

        /// <summary>A sensor level must hold this long before it counts.</summary>
        public int DebounceMs { get; }

        /// <summary>How late Poll may switch a pulse off before an OverPulse diagnostic is raised.</summary>
        public long OverPulseToleranceMs { get; set; }
    }
}
