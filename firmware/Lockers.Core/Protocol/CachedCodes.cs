using System;
using Lockers.Core.Json;

namespace Lockers.Core.Protocol
{
    /// <summary>
    /// A list of cached codes: what a <c>sync_codes</c> part carries in its <c>codes</c> field and what the locker's
    /// offline cache holds. Each entry is the gateway's reference of the code, the compartment it opens, its kind
    /// (<see cref="CachedCodeKinds"/>), its last valid second (Unix seconds UTC) and its verifier (never the code).
    /// Text form, entries separated by ';' and fields by ',':
    /// <c>1042,3,p,1767312000,q83vEjRWeJCrze8SNFZ4kA==;1043,3,q,1767312000,...</c>. Held in parallel arrays (no object
    /// per entry) and bounded: a version has at most <see cref="MaxParts"/> parts of <see cref="MaxPerPart"/> entries.
    /// </summary>
    public sealed class CachedCodes
    {
        /// <summary>Bytes of a verifier: the first half of an HMAC-SHA256 (OfflineVerifier).</summary>
        public const int VerifierLength = 16;

        /// <summary>Most entries in one sync_codes part.</summary>
        public const int MaxPerPart = 16;

        /// <summary>Most parts in one version.</summary>
        public const int MaxParts = 4;

        /// <summary>Most entries a locker caches: a locker of 32 compartments needs at most 2 per compartment (PIN and QR).</summary>
        public const int Capacity = MaxPerPart * MaxParts;

        /// <summary>Longest codes text of one part: 16 entries of at most 63 characters, and the separators.</summary>
        public const int MaxTextLength = 1024;

        private const char EntrySeparator = ';';
        private const char FieldSeparator = ',';


        private readonly long[] _refs;
        private readonly int[] _compartments;
        private readonly char[] _kinds;
        private readonly long[] _expires;
        private readonly byte[] _verifiers;

        /// <summary>An empty list holding up to <paramref name="capacity"/> entries.</summary>
        public CachedCodes(int capacity)
        {
            if (capacity < 1) throw new ArgumentOutOfRangeException(nameof(capacity));
            _refs = new long[capacity];
            _compartments = new int[capacity];
            _kinds = new char[capacity];
            _expires = new long[capacity];
            _verifiers = new byte[capacity * VerifierLength];
        }

        /// <summary>Entries held.</summary>
        public int Count { get; private set; }

        /// <summary>Most entries it can hold.</summary>
        public int Limit => _refs.Length;

        /// <summary>The gateway's reference of entry <paramref name="index"/>.</summary>
        public long RefAt(int index) => _refs[index];

        /// <summary>The compartment entry <paramref name="index"/> opens.</summary>
        public int CompartmentAt(int index) => _compartments[index];

        /// <summary>The kind of entry <paramref name="index"/> (<see cref="CachedCodeKinds"/>).</summary>
        public char KindAt(int index) => _kinds[index];

        /// <summary>The last valid second of entry <paramref name="index"/>, Unix seconds UTC.</summary>
        public long ExpiresAt(int index) => _expires[index];

        /// <summary>
        /// True when entry <paramref name="index"/>'s verifier equals <paramref name="verifier"/>; every byte is compared
        /// whatever the first difference, so the time taken says nothing about how close a guess was.
        /// </summary>
        public bool VerifierMatches(int index, byte[] verifier)
        {
            if (verifier == null || verifier.Length != VerifierLength) return false;
            int difference = 0;
            int at = index * VerifierLength;
            for (int i = 0; i < VerifierLength; i++) difference |= _verifiers[at + i] ^ verifier[i];
            return difference == 0;
        }

        /// <summary>The index of the entry with reference <paramref name="codeRef"/>, or -1.</summary>
        public int IndexOfRef(long codeRef)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_refs[i] == codeRef) return i;
            }

            return -1;
        }

        /// <summary>Adds an entry; false when the list is full.</summary>
        public bool Add(long codeRef, int compartment, char kind, long expires, byte[] verifier)
        {
            if (Count == _refs.Length || verifier == null || verifier.Length != VerifierLength) return false;
            _refs[Count] = codeRef;
            _compartments[Count] = compartment;
            _kinds[Count] = kind;
            _expires[Count] = expires;
            Array.Copy(verifier, 0, _verifiers, Count * VerifierLength, VerifierLength);
            Count++;
            return true;
        }

        /// <summary>Bytes <see cref="WriteTo"/> writes per entry.</summary>
        public const int StoredEntryLength = 8 + 1 + 1 + 8 + VerifierLength;

        /// <summary>
        /// Writes entry <paramref name="index"/> at <paramref name="at"/> (<see cref="StoredEntryLength"/> bytes: ref and expiry
        /// big-endian, compartment, kind, verifier), for the locker's flash; returns the index after it.
        /// </summary>
        public int WriteTo(int index, byte[] buffer, int at)
        {
            at = WriteLong(_refs[index], buffer, at);
            buffer[at++] = (byte)_compartments[index];
            buffer[at++] = (byte)_kinds[index];
            at = WriteLong(_expires[index], buffer, at);
            Array.Copy(_verifiers, index * VerifierLength, buffer, at, VerifierLength);
            return at + VerifierLength;
        }

        /// <summary>Adds the entry <see cref="WriteTo"/> wrote at <paramref name="at"/>; false when it is not a valid entry or the list is full.</summary>
        public bool ReadFrom(byte[] buffer, int at)
        {
            if (Count == _refs.Length || buffer.Length - at < StoredEntryLength) return false;
            long codeRef = ReadLong(buffer, at);
            int compartment = buffer[at + 8];
            char kind = (char)buffer[at + 9];
            long expires = ReadLong(buffer, at + 10);
            if (codeRef < 1 || compartment < 1 || !CachedCodeKinds.IsKnown(kind) || expires < 0) return false;
            _refs[Count] = codeRef;
            _compartments[Count] = compartment;
            _kinds[Count] = kind;
            _expires[Count] = expires;
            Array.Copy(buffer, at + 18, _verifiers, Count * VerifierLength, VerifierLength);
            Count++;
            return true;
        }

        /// <summary>Writes <paramref name="value"/> big-endian at <paramref name="at"/>; returns the index after it.</summary>
        internal static int WriteLong(long value, byte[] buffer, int at)
        {
            for (int i = 7; i >= 0; i--)
            {
                buffer[at + i] = (byte)value;
                value >>= 8;
            }

            return at + 8;
        }

        /// <summary>The big-endian long at <paramref name="at"/>.</summary>
        internal static long ReadLong(byte[] buffer, int at)
        {
            long value = 0;
            for (int i = 0; i < 8; i++) value = (value << 8) | buffer[at + i];
            return value;
        }

        /// <summary>Removes entry <paramref name="index"/>; the later ones move up.</summary>
        public void RemoveAt(int index)
        {
            for (int i = index; i < Count - 1; i++)
            {
                _refs[i] = _refs[i + 1];
                _compartments[i] = _compartments[i + 1];
                _kinds[i] = _kinds[i + 1];
                _expires[i] = _expires[i + 1];
                Array.Copy(_verifiers, (i + 1) * VerifierLength, _verifiers, i * VerifierLength, VerifierLength);
            }

            Count--;
            Array.Clear(_verifiers, Count * VerifierLength, VerifierLength);
        }

        /// <summary>Empties the list (verifiers zeroed).</summary>
        public void Clear()
        {
            Array.Clear(_verifiers, 0, _verifiers.Length);
            Count = 0;
        }

        /// <summary>Replaces this list's entries by <paramref name="other"/>'s, as far as they fit.</summary>
        public void CopyFrom(CachedCodes other)
        {
            Clear();
            for (int i = 0; i < other.Count && i < _refs.Length; i++)
            {
                _refs[i] = other._refs[i];
                _compartments[i] = other._compartments[i];
                _kinds[i] = other._kinds[i];
                _expires[i] = other._expires[i];
                Array.Copy(other._verifiers, i * VerifierLength, _verifiers, i * VerifierLength, VerifierLength);
                Count++;
            }
        }

        /// <summary>One entry in the text form (the gateway writes parts with it, joined by ';').</summary>
        public static string FormatEntry(long codeRef, int compartment, char kind, long expires, byte[] verifier)
        {
            return JsonNumber.FormatInteger(codeRef) + FieldSeparator + JsonNumber.FormatInteger(compartment) + FieldSeparator + kind
                + FieldSeparator + JsonNumber.FormatInteger(expires) + FieldSeparator + Convert.ToBase64String(verifier);
        }

        /// <summary>Entries <paramref name="start"/> to <paramref name="start"/> + <paramref name="count"/> - 1 in the text form.</summary>
        public string ToText(int start, int count)
        {
            string text = "";
            var verifier = new byte[VerifierLength];
            for (int i = start; i < start + count && i < Count; i++)
            {
                Array.Copy(_verifiers, i * VerifierLength, verifier, 0, VerifierLength);
                text += (i == start ? "" : ";") + FormatEntry(_refs[i], _compartments[i], _kinds[i], _expires[i], verifier);
            }

            return text;
        }

        /// <summary>"" when <paramref name="text"/> is a valid codes text of at most <see cref="MaxPerPart"/> entries, else what is wrong.</summary>
        public static string Problem(string text)
        {
            var scratch = new CachedCodes(MaxPerPart);
            return scratch.Parse(text, MaxPerPart, MaxTextLength);
        }

        /// <summary>
        /// Adds the entries of <paramref name="text"/> as far as they fit. Returns "" or what is wrong; on an error the
        /// entries added before it stay. The text may be as long as a whole cache (a saved one, not only a part).
        /// </summary>
        public string Append(string text)
        {
            int room = Limit - Count;
            return Parse(text, room, (room + 1) * (MaxTextLength / MaxPerPart));
        }

        // Scans the text in place (no Split, no substring per field): a part is parsed once per change at the locker, and
        // the device's heap is small.
        private string Parse(string text, int most, int maxLength)
        {
            if (text == null) return "missing";
            if (text.Length > maxLength) return "longer than " + maxLength + " characters";
            if (text.Length == 0) return "";
            int at = 0;
            for (int count = 0; ; count++)
            {
                if (count == most) return "more than " + most + " entries";
                int end = at;
                while (end < text.Length && text[end] != EntrySeparator) end++;
                string problem = ParseEntry(text, at, end);
                if (problem.Length > 0) return "entry " + (count + 1) + ": " + problem;
                if (end == text.Length) return "";
                at = end + 1;
            }
        }

        private string ParseEntry(string text, int start, int end)
        {
            int c1 = Comma(text, start, end);
            int c2 = c1 < 0 ? -1 : Comma(text, c1 + 1, end);
            int c3 = c2 < 0 ? -1 : Comma(text, c2 + 1, end);
            int c4 = c3 < 0 ? -1 : Comma(text, c3 + 1, end);
            if (c1 < 0 || c2 < 0 || c3 < 0 || c4 < 0 || Comma(text, c4 + 1, end) >= 0)
            {
                return "expected ref,compartment,kind,expires,verifier";
            }

            long codeRef = Integer(text, start, c1);
            long compartment = Integer(text, c1 + 1, c2);
            long expires = Integer(text, c3 + 1, c4);
            if (codeRef < 1) return "ref must be a number of at least 1";
            if (compartment < 1 || compartment > 255) return "compartment must be 1..255";
            if (c3 - c2 != 2 || !CachedCodeKinds.IsKnown(text[c2 + 1])) return "kind must be p, q, d or c";
            if (expires < 0) return "expires must be a number";
            byte[]? verifier = Verifier(text, c4 + 1, end);
            if (verifier == null) return "verifier must be base64 of " + VerifierLength + " bytes";
            return Add(codeRef, (int)compartment, text[c2 + 1], expires, verifier) ? "" : "more than " + Limit + " entries";
        }

        // The index of the next ',' in [from, end), or -1.
        private static int Comma(string text, int from, int end)
        {
            for (int i = from; i < end; i++)
            {
                if (text[i] == FieldSeparator) return i;
            }

            return -1;
        }

        // 1 to 18 ASCII digits in [from, to), or -1.
        private static long Integer(string text, int from, int to)
        {
            if (to <= from || to - from > 18) return -1;
            long value = 0;
            for (int i = from; i < to; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9') return -1;
                value = value * 10 + (c - '0');
            }

            return value;
        }

        private static byte[]? Verifier(string text, int from, int to)
        {
            // 16 bytes are 24 characters with their padding; checked before decoding so nothing else reaches the decoder.
            if (to - from != 24) return null;
            try
            {
                byte[] bytes = Convert.FromBase64String(text.Substring(from, 24));
                return bytes.Length == VerifierLength ? bytes : null;
            }
            catch (Exception)
            {
                // Not base64 (the exception type differs between .NET and nanoFramework).
                return null;
            }
        }
    }
}
