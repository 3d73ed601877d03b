using System.Text;
using Lockers.Core.Commands;
using Lockers.Core.Protocol;

namespace Lockers.Core.Journal
{
    /// <summary>
    /// The journal's storage keys: one key per event, "jrn.e." plus the sequence number padded to ten
    /// digits (so a directory listing reads in order), and two counters. The sequence counter holds the epoch
    /// with it ("&lt;epoch&gt;:&lt;next seq&gt;"), so the two are always written together in one atomic write; a
    /// counter of digits alone is the legacy form (epoch "", written by firmware without epochs).
    /// </summary>
    public static class JournalKeys
    {
        /// <summary>Prefix of every event entry.</summary>
        public const string EntryPrefix = "jrn.e.";

        /// <summary>The epoch and the next sequence number to hand out ("9f3c5a1b2d4e6f70:58", ASCII), written before the entry that uses it.</summary>
        public const string NextSeq = "jrn.next";

        /// <summary>Running total of events dropped by a full journal (ASCII decimal).</summary>
        public const string Dropped = "jrn.dropped";

        /// <summary>Characters of the longest entry key: the prefix and a long's 19 digits (a scratch buffer's size).</summary>
        public const int MaxEntryKeyLength = 25;

        /// <summary>The key of the event with sequence number <paramref name="seq"/>.</summary>
        public static string Entry(long seq) => seq < 0 ? NegativeEntry(seq) : Entry(seq, new char[EntryLength(seq)]);

        /// <summary>
        /// As <see cref="Entry(long)"/>, built in <paramref name="scratch"/> (at least <see cref="MaxEntryKeyLength"/>
        /// characters, the caller's, overwritten): only the key string is allocated. The journal makes a key for every
        /// event, so a reused buffer saves an array per event (ADR 0005).
        /// </summary>
        public static string Entry(long seq, char[] scratch)
        {
            if (seq < 0)
            {
                return NegativeEntry(seq);
            }

            int length = EntryLength(seq);
            for (int i = 0; i < EntryPrefix.Length; i++) scratch[i] = EntryPrefix[i];
            for (int i = length - 1; i >= EntryPrefix.Length; i--)
            {
                scratch[i] = (char)('0' + (int)(seq % 10));
                seq /= 10;
            }

            return new string(scratch, 0, length);
        }

        // Never made by the journal (its seqs start at 1); kept as it always read for whoever asks.
        private static string NegativeEntry(long seq) => EntryPrefix + StoredText(seq).PadLeft(10, '0');

        // The prefix and the seq's digits, at least ten (seq >= 0).
        private static int EntryLength(long seq)
        {
            int digits = 1;
            for (long rest = seq / 10; rest > 0; rest /= 10) digits++;
            return EntryPrefix.Length + (digits < 10 ? 10 : digits);
        }

        /// <summary>
        /// The counter's stored form: "&lt;epoch&gt;:&lt;seq&gt;", or the seq's digits alone for the legacy epoch "".
        /// <paramref name="epochAscii"/> is the epoch's characters as bytes, kept by the journal so an append makes one array.
        /// </summary>
        public static byte[] CounterBytes(byte[] epochAscii, long nextSeq)
        {
            if (epochAscii.Length == 0)
            {
                return StoredNumber.ToBytes(nextSeq);
            }

            int digits = 1;
            for (long rest = nextSeq / 10; rest > 0; rest /= 10) digits++;
            var bytes = new byte[epochAscii.Length + 1 + digits];
            System.Array.Copy(epochAscii, bytes, epochAscii.Length);
            bytes[epochAscii.Length] = (byte)':';
            for (int i = bytes.Length - 1; i > epochAscii.Length; i--)
            {
                bytes[i] = (byte)('0' + (int)(nextSeq % 10));
                nextSeq /= 10;
            }

            return bytes;
        }

        /// <summary>Reads a stored counter; false for anything that is not one of its two forms (a torn or foreign file).</summary>
        public static bool TryParseCounter(byte[] stored, out string epoch, out long nextSeq)
        {
            epoch = Epochs.Legacy;
            nextSeq = 0;
            if (stored == null)
            {
                return false;
            }

            int colon = -1;
            for (int i = 0; i < stored.Length && colon < 0; i++)
            {
                if (stored[i] == (byte)':') colon = i;
            }

            if (colon < 0)
            {
                return StoredNumber.TryParse(stored, out nextSeq) && nextSeq >= 1;
            }

            if (colon != Epochs.Length)
            {
                return false;
            }

            var digits = new byte[stored.Length - colon - 1];
            System.Array.Copy(stored, colon + 1, digits, 0, digits.Length);
            string candidate = Encoding.UTF8.GetString(stored, 0, colon);
            if (!Epochs.IsValid(candidate) || !StoredNumber.TryParse(digits, out nextSeq) || nextSeq < 1)
            {
                return false;
            }

            epoch = candidate;
            return true;
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
