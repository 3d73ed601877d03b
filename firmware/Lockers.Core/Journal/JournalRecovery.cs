using System.Collections;
using Lockers.Core.Commands;
using Lockers.Core.Json;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;

namespace Lockers.Core.Journal
{
    /// <summary>
    /// Reads the journal back from storage at start-up. Anything unreadable (a torn write, a foreign
    /// file, an entry whose seq does not match its key) is deleted and counted, never thrown.
    /// </summary>
    internal sealed class JournalRecovery
    {
        private readonly IStorage _storage;
        private long _highestKeySeq;

        public JournalRecovery(IStorage storage)
        {
            _storage = storage;
        }

        /// <summary>Sequence numbers of the valid entries, ascending (boxed longs).</summary>
        public ArrayList Seqs { get; } = new ArrayList();

        /// <summary>Next sequence number: above every stored entry and the stored counter.</summary>
        public long NextSeq { get; private set; } = 1;

        /// <summary>The persisted dropped total.</summary>
        public long Dropped { get; private set; }

        /// <summary>Entries and counters found unreadable and skipped.</summary>
        public int Corrupt { get; private set; }

        public void Run()
        {
            string[] keys = _storage.List(JournalKeys.EntryPrefix);
            long[] valid = new long[keys.Length];
            int count = 0;
            for (int i = 0; i < keys.Length; i++)
            {
                if (TryReadEntry(keys[i], out long seq))
                {
                    valid[count++] = seq;
                }
            }

            SortAscending(valid, count);
            for (int i = 0; i < count; i++)
            {
                Seqs.Add(valid[i]);
            }

            long highest = _highestKeySeq;
            NextSeq = ReadCounter(JournalKeys.NextSeq, 1);
            if (NextSeq <= highest)
            {
                NextSeq = highest + 1;
            }

            Dropped = ReadCounter(JournalKeys.Dropped, 0);
        }

        private bool TryReadEntry(string key, out long seq)
        {
            if (!JournalKeys.TryParseEntry(key, out seq))
            {
                Discard(key);
                return false;
            }

            // Even a corrupt entry proves its seq was handed out: never give it out again.
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
                if (LockerEvent.Parse(data).Seq == seq)
                {
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

        private long ReadCounter(string key, long fallback)
        {
            byte[] stored = _storage.Read(key);
            if (stored == null)
            {
                return fallback;
            }

            if (StoredNumber.TryParse(stored, out long value))
            {
                return value;
            }

            Corrupt++;
            return fallback;
        }

        private void Discard(string key)
        {
            Corrupt++;
            _storage.Delete(key);
        }

        // Insertion sort: ArrayList and Array have no Sort on nanoFramework, and a journal holds a few hundred entries.
        private static void SortAscending(long[] values, int count)
        {
            for (int i = 1; i < count; i++)
            {
                long current = values[i];
                int j = i - 1;
                while (j >= 0 && values[j] > current)
                {
                    values[j + 1] = values[j];
                    j--;
                }

                values[j + 1] = current;
            }
        }
    }
}
