using System.Collections;
using Lockers.Core.Commands;
using Lockers.Core.Json;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;

namespace Lockers.Core.Journal
{
    /// <summary>
    /// Reads the journal back from storage at start-up and decides the numbering. Anything unreadable (a torn write, a
    /// foreign file, an entry whose seq does not match its key or whose epoch is not the journal's) is deleted and
    /// counted, never thrown. The numbering continues when it can be proven: from the counter, or, with the counter
    /// lost, after the newest surviving entry (whose epoch it carries). When it cannot, a new epoch starts at seq 1, so
    /// no new event can take the identity of an old one; this happens only with no entry left, so keys never collide.
    /// </summary>
    internal sealed class JournalRecovery
    {
        private readonly IStorage _storage;
        private readonly IClock _clock;
        private long _highestKeySeq;
        private string _problems = "";

        public JournalRecovery(IStorage storage, IClock clock)
        {
            _storage = storage;
            _clock = clock;
        }

        /// <summary>Sequence numbers of the valid entries, ascending (boxed longs).</summary>
        public ArrayList Seqs { get; } = new ArrayList();

        /// <summary>Next sequence number: above every stored entry and the stored counter (1 in a new epoch).</summary>
        public long NextSeq { get; private set; } = 1;

        /// <summary>The epoch the journal numbers in.</summary>
        public string Epoch { get; private set; } = Epochs.Legacy;

        /// <summary>True when this start began a new epoch (first start, or numbering that could not be proven).</summary>
        public bool NewEpoch { get; private set; }

        /// <summary>The persisted dropped total.</summary>
        public long Dropped { get; private set; }

        /// <summary>Entries and counters found unreadable and skipped.</summary>
        public int Corrupt { get; private set; }

        /// <summary>What was wrong with the stored journal, for a storage_fault event; "" when nothing was.</summary>
        public string Problems => _problems;

        public void Run()
        {
            string[] keys = _storage.List(JournalKeys.EntryPrefix);
            long[] seqs = new long[keys.Length];
            string?[] epochs = new string?[keys.Length];
            int count = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                if (TryReadEntry(keys[i], out long seq, out string? epoch))
                {
                    seqs[count] = seq;
                    epochs[count++] = epoch;
                }
            }

            SortAscending(seqs, epochs, count);
            if (Corrupt > 0)
            {
                Note(Corrupt + " unreadable journal entries discarded");
            }

            DecideNumbering(keys.Length, count > 0, count > 0 ? epochs[count - 1] : null);
            int foreign = 0;
            for (int i = 0; i < count; i++)
            {
                if (BelongsToEpoch(epochs[i]))
                {
                    Seqs.Add(seqs[i]);
                }
                else
                {
                    Discard(JournalKeys.Entry(seqs[i]));
                    foreign++;
                }
            }

            if (foreign > 0)
            {
                Note(foreign + " journal entries of another epoch discarded");
            }

            Dropped = ReadDropped();
        }

        private void DecideNumbering(int keyCount, bool anyValid, string? newestEpoch)
        {
            byte[] stored = _storage.Read(JournalKeys.NextSeq);
            if (JournalKeys.TryParseCounter(stored, out string epoch, out long next))
            {
                Epoch = epoch;
                NextSeq = next <= _highestKeySeq ? _highestKeySeq + 1 : next;
                return;
            }

            if (stored == null && keyCount == 0 && _storage.Read(JournalKeys.Dropped) == null)
            {
                // Nothing stored at all: the first start (or a wiped flash). Not a fault, but a new numbering.
                StartNewEpoch();
                return;
            }

            if (stored != null)
            {
                Corrupt++;
            }

            string what = stored == null ? "the sequence counter is missing" : "the sequence counter is unreadable";
            if (anyValid)
            {
                // The newest surviving entry proves the numbering up to it: carry on after it, in its epoch.
                Epoch = newestEpoch == null ? Epochs.Legacy : newestEpoch;
                NextSeq = _highestKeySeq + 1;
                Note(what + "; numbering continues after the newest journal entry (seq " + _highestKeySeq + ")");
                return;
            }

            StartNewEpoch();
            Note(what + "; a new epoch " + Epoch + " starts at seq 1");
        }

        private void StartNewEpoch()
        {
            Epoch = EpochSource.New(_clock);
            NewEpoch = true;
            NextSeq = 1;
        }

        // An entry written without an epoch is of the legacy numbering; any other must carry the journal's own.
        private bool BelongsToEpoch(string? entryEpoch) => entryEpoch == null ? Epoch.Length == 0 : entryEpoch == Epoch;

        private bool TryReadEntry(string key, out long seq, out string? epoch)
        {
            epoch = null;
            if (!JournalKeys.TryParseEntry(key, out seq))
            {
                Discard(key);
                return false;
            }

            // Even a corrupt entry proves its seq was handed out: never give it out again in this epoch.
            if (seq > _highestKeySeq)
            {
                _highestKeySeq = seq;
            }

            byte[] data = _storage.Read(key);
            if (data == null)
            {
                return false;
            }

            try
            {
                LockerEvent e = LockerEvent.Parse(data);
                if (e.Seq == seq)
                {
                    epoch = e.Epoch;
                    return true;
                }
            }
            catch (JsonException)
            {
                // Falls through to discard: a torn or foreign entry.
            }

            Discard(key);
            return false;
        }

        private long ReadDropped()
        {
            byte[] stored = _storage.Read(JournalKeys.Dropped);
            if (stored == null)
            {
                return 0;
            }

            if (StoredNumber.TryParse(stored, out long value))
            {
                return value;
            }

            Corrupt++;
            Note("the dropped-events total is unreadable and starts again from 0");
            return 0;
        }

        private void Discard(string key)
        {
            Corrupt++;
            _storage.Delete(key);
        }

        private void Note(string problem)
        {
            _problems = _problems.Length == 0 ? problem : _problems + "; " + problem;
        }

        // Insertion sort: ArrayList and Array have no Sort on nanoFramework, and a journal holds a few hundred entries.
        private static void SortAscending(long[] values, string?[] companions, int count)
        {
            for (int i = 1; i < count; i++)
            {
                long current = values[i];
                string? companion = companions[i];
                int j = i - 1;
                while (j >= 0 && values[j] > current)
                {
                    values[j + 1] = values[j];
                    companions[j + 1] = companions[j];
                    j--;
                }

                values[j + 1] = current;
                companions[j + 1] = companion;
            }
        }
    }
}
