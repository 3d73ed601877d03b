using System;

namespace Lockers.Core.Journal
{
    /// <summary>
    /// The journal's stored events, oldest first: each one's sequence number, whether it was published since it was
    /// last due (sent: waiting for the broker's PUBACK or for the gateway's ack), and, near the front, its storage
    /// key. The key is asked for three times per event (store, send, delete); keeping the string saves building
    /// it twice. Only the first <see cref="KeptKeys"/> positions keep theirs: a journal filled while offline
    /// would otherwise hold two hundred key strings (several KB of the device's heap), so further back they are
    /// built when needed, as before. Not thread-safe: the journal holds its lock around every call.
    /// </summary>
    internal sealed class JournalEntries
    {
        /// <summary>Positions from the front whose keys are kept (twice the default in-flight window).</summary>
        public const int KeptKeys = 16;

        private long[] _seqs = new long[KeptKeys];
        private bool[] _sent = new bool[KeptKeys];
        private string?[] _keys = new string?[KeptKeys];
        // Every key is built in here, so making one allocates the string alone.
        private readonly char[] _keyChars = new char[JournalKeys.MaxEntryKeyLength];

        public int Count { get; private set; }

        public long SeqAt(int index) => _seqs[index];

        /// <summary>True when the entry was published and is not due again (until a reconnect, a replay or a timeout).</summary>
        public bool IsSent(int index) => _sent[index];

        public void MarkSent(int index) => _sent[index] = true;

        /// <summary>Every entry is due to be published again.</summary>
        public void MarkAllUnsent()
        {
            for (int i = 0; i < Count; i++) _sent[i] = false;
        }

        /// <summary>True when some entry was published and waits for the gateway.</summary>
        public bool AnySent()
        {
            for (int i = 0; i < Count; i++)
            {
                if (_sent[i]) return true;
            }

            return false;
        }

        /// <summary>The storage key of the entry at <paramref name="index"/>.</summary>
        public string KeyAt(int index)
        {
            string? key = _keys[index];
            if (key == null)
            {
                key = KeyFor(_seqs[index]);
                if (index < KeptKeys) _keys[index] = key;
            }

            return key;
        }

        /// <summary>A new string of the storage key of <paramref name="seq"/> (whether or not it is in the journal).</summary>
        public string KeyFor(long seq) => JournalKeys.Entry(seq, _keyChars);

        /// <summary>The position of <paramref name="seq"/>, or -1.</summary>
        public int IndexOf(long seq)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_seqs[i] == seq) return i;
            }

            return -1;
        }

        /// <summary>Adds the newest entry; <paramref name="key"/> may be null (built when first needed).</summary>
        public void Add(long seq, string? key)
        {
            if (Count == _seqs.Length) Grow();
            _seqs[Count] = seq;
            _sent[Count] = false;
            _keys[Count] = Count < KeptKeys ? key : null;
            Count++;
        }

        /// <summary>Removes the entry at <paramref name="index"/>; the ones behind it move up (as ArrayList.RemoveAt).</summary>
        public void RemoveAt(int index)
        {
            Count--;
            Array.Copy(_seqs, index + 1, _seqs, index, Count - index);
            Array.Copy(_sent, index + 1, _sent, index, Count - index);
            Array.Copy(_keys, index + 1, _keys, index, Count - index);
            _keys[Count] = null;
        }

        private void Grow()
        {
            var seqs = new long[_seqs.Length * 2];
            var sent = new bool[seqs.Length];
            var keys = new string?[seqs.Length];
            Array.Copy(_seqs, seqs, Count);
            Array.Copy(_sent, sent, Count);
            Array.Copy(_keys, keys, Count);
            _seqs = seqs;
            _sent = sent;
            _keys = keys;
        }
    }
}
