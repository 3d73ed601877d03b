using System.Text;
using Lockers.Core.Commands;

namespace Lockers.Core.Journal
{
    /// <summary>
    /// The journal's storage keys: one key per event, "jrn.e." plus the sequence number padded to ten
    /// digits (so a directory listing reads in order), and two counters.
    /// </summary>
    public static class JournalKeys
    {
        /// <summary>Prefix of every event entry.</summary>
        public const string EntryPrefix = "jrn.e.";

        /// <summary>The next sequence number to hand out (ASCII decimal), written before the entry that uses it.</summary>
        public const string NextSeq = "jrn.next";

        /// <summary>Running total of events dropped by a full journal (ASCII decimal).</summary>
        public const string Dropped = "jrn.dropped";

        /// <summary>The key of the event with sequence number <paramref name="seq"/>.</summary>
        public static string Entry(long seq)
        {
            if (seq < 0)
            {
                return EntryPrefix + StoredText(seq).PadLeft(10, '0');
            }

            // Built in one char array: the journal asks for a key three times per event (store, send, delete).
            int digits = 1;
            for (long rest = seq / 10; rest > 0; rest /= 10) digits++;
            var key = new char[EntryPrefix.Length + (digits < 10 ? 10 : digits)];
            for (int i = 0; i < EntryPrefix.Length; i++) key[i] = EntryPrefix[i];
            for (int i = key.Length - 1; i >= EntryPrefix.Length; i--)
            {
                key[i] = (char)('0' + (int)(seq % 10));
                seq /= 10;
            }

            return new string(key, 0, key.Length);
        }

        /// <summary>The sequence number in an entry key; false when the key is not one.</summary>
        public static bool TryParseEntry(string key, out long seq)
        {
            seq = 0;
            if (key == null || !key.StartsWith(EntryPrefix))
            {
                return false;
            }

            string digits = key.Substring(EntryPrefix.Length);
            return StoredNumber.TryParse(Encoding.UTF8.GetBytes(digits), out seq) && seq >= 1;
        }

        private static string StoredText(long value)
        {
            byte[] bytes = StoredNumber.ToBytes(value);
            return Encoding.UTF8.GetString(bytes, 0, bytes.Length);
        }
    }
}
