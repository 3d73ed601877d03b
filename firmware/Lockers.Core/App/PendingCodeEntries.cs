namespace Lockers.Core.App
{
    /// <summary>
    /// The code entries waiting for an answer, each with the window in which the person who entered it is still at the
    /// locker. An entry is open from its code_entered event until it is answered (a command naming it, or the offline
    /// cache), the same reader takes a new code, or its answer window passes; after that no command naming it runs. Ids
    /// are boot * 1,000,000 + a count from 1, so an answer meant for an entry of an earlier boot never matches one of this
    /// boot. Fixed arrays, nothing allocated per entry. Not thread-safe: the controller's lock covers it.
    /// </summary>
    internal sealed class PendingCodeEntries
    {
        /// <summary>Entries waiting at once; one per reader is the usual most.</summary>
        public const int Capacity = 4;

        private const long IdsPerBoot = LockerController.EntryIdsPerBoot;

        private readonly long[] _ids = new long[Capacity];
        private readonly string[] _readers = new string[Capacity];
        private readonly string[] _codes = new string[Capacity];
        private readonly bool[] _fromScanner = new bool[Capacity];
        private readonly long[] _openedMs = new long[Capacity];
        private readonly bool[] _offlineChecked = new bool[Capacity];
        private readonly long _firstId;
        private long _count;

        /// <summary>Entries for boot <paramref name="bootCount"/>, answered within <paramref name="answerMs"/>; checked offline after <paramref name="offlineAfterMs"/>.</summary>
        public PendingCodeEntries(long bootCount, long answerMs, long offlineAfterMs)
        {
            _firstId = (bootCount < 1 ? 1 : bootCount) * IdsPerBoot;
            AnswerMs = answerMs;
            OfflineAfterMs = offlineAfterMs;
        }

        /// <summary>How long an entry waits for its answer, in milliseconds.</summary>
        public long AnswerMs { get; }

        /// <summary>How long an entry waits for the gateway before the locker checks it against its offline cache.</summary>
        public long OfflineAfterMs { get; }

        /// <summary>
        /// Opens an entry for <paramref name="code"/> from <paramref name="reader"/> at <paramref name="nowMs"/> and returns
        /// its id (its slot is <see cref="IndexOf"/>). An entry still waiting at the same reader is given up: its person
        /// has moved on to a new code.
        /// </summary>
        public long Open(string reader, bool fromScanner, string code, long nowMs)
        {
            int slot = -1;
            for (int i = 0; i < Capacity; i++)
            {
                if (_ids[i] != 0 && _readers[i] == reader) Release(i);
                if (_ids[i] == 0 && slot < 0) slot = i;
            }

            if (slot < 0) slot = Oldest();
            _count = _count + 1 < IdsPerBoot ? _count + 1 : 1;
            long id = _firstId + _count;
            _ids[slot] = id;
            _readers[slot] = reader;
            _codes[slot] = code;
            _fromScanner[slot] = fromScanner;
            _openedMs[slot] = nowMs;
            _offlineChecked[slot] = false;
            return id;
        }

        /// <summary>The slot of entry <paramref name="entry"/> while it waits, else -1.</summary>
        public int IndexOf(long entry)
        {
            if (entry <= 0) return -1;
            for (int i = 0; i < Capacity; i++)
            {
                if (_ids[i] == entry) return i;
            }

            return -1;
        }

        /// <summary>
        /// Claims entry <paramref name="entry"/> for an answer at <paramref name="nowMs"/>: true (and the entry is done)
        /// while it waits within its window; false when it is unknown, given up, already answered or past its window.
        /// </summary>
        public bool TryAnswer(long entry, long nowMs)
        {
            int slot = IndexOf(entry);
            if (slot < 0) return false;
            bool inTime = nowMs - _openedMs[slot] < AnswerMs;
            Release(slot);
            return inTime;
        }

        /// <summary>A waiting entry due for the offline check at <paramref name="nowMs"/> (marked checked), or -1.</summary>
        public int NextDueOffline(long nowMs)
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_ids[i] != 0 && !_offlineChecked[i] && nowMs - _openedMs[i] >= OfflineAfterMs)
                {
                    _offlineChecked[i] = true;
                    return i;
                }
            }

            return -1;
        }

        /// <summary>A waiting entry whose answer window has passed at <paramref name="nowMs"/>, or -1; the caller gives it up.</summary>
        public int NextExpired(long nowMs)
        {
            for (int i = 0; i < Capacity; i++)
            {
                if (_ids[i] != 0 && nowMs - _openedMs[i] >= AnswerMs) return i;
            }

            return -1;
        }

        /// <summary>Marks slot <paramref name="slot"/> as checked offline (the link was down when it was opened).</summary>
        public void MarkOfflineChecked(int slot) => _offlineChecked[slot] = true;

        /// <summary>The entry id in <paramref name="slot"/>.</summary>
        public long IdAt(int slot) => _ids[slot];

        /// <summary>The reader of the entry in <paramref name="slot"/>.</summary>
        public string ReaderAt(int slot) => _readers[slot];

        /// <summary>The code of the entry in <paramref name="slot"/>.</summary>
        public string CodeAt(int slot) => _codes[slot];

        /// <summary>True when the entry in <paramref name="slot"/> came from the scanner.</summary>
        public bool FromScannerAt(int slot) => _fromScanner[slot];

        /// <summary>Ends the entry in <paramref name="slot"/>: nothing naming it runs any more.</summary>
        public void Release(int slot)
        {
            _ids[slot] = 0;
            _readers[slot] = null!;
            _codes[slot] = null!;
        }

        /// <summary>Ends every entry (the locker went out of service, or stops).</summary>
        public void ReleaseAll()
        {
            for (int i = 0; i < Capacity; i++) Release(i);
        }

        private int Oldest()
        {
            int oldest = 0;
            for (int i = 1; i < Capacity; i++)
            {
                if (_openedMs[i] < _openedMs[oldest]) oldest = i;
            }

            Release(oldest);
            return oldest;
        }
    }
}
