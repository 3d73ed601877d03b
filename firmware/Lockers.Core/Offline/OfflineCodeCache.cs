using System;
using Lockers.Core.Ports;
using Lockers.Core.Protocol;

namespace Lockers.Core.Offline
{
    /// <summary>
    /// The locker's offline code cache: the verifiers of the codes for the parcels inside it and the drop-offs booked to
    /// it, as the gateway last pushed them (sync_codes), kept in flash so a reboot during an outage still serves them.
    /// A version arrives in up to <see cref="CachedCodes.MaxParts"/> parts, in order; only a complete version replaces
    /// the cache, so a half-received update never leaves a mix. A code used offline is removed at once and its reference
    /// remembered as spent (flash) until a version arrives without it: the gateway has then seen the door open; a version
    /// pushed before that still lists it, and the spent reference keeps it out. Not thread-safe: the controller's lock covers it.
    /// </summary>
    public sealed class OfflineCodeCache
    {
        /// <summary>
        /// Storage key of the saved cache: format byte 1, the version (8 bytes, big-endian), the entry count (1 byte), the
        /// entries (<see cref="CachedCodes.StoredEntryLength"/> bytes each), the spent count (1 byte) and references (8 each).
        /// Binary, written in one array: saving must not cost the device's small heap a text of the whole cache.
        /// </summary>
        public const string StorageKey = "codes.cache";

        private const byte StorageFormat = 1;

        /// <summary>Spent references remembered at most (a locker opens far fewer doors offline between two pushes).</summary>
        public const int MaxSpent = 16;

        private readonly IStorage _storage;
        private readonly byte[] _key;
        private readonly CachedCodes _codes = new CachedCodes(CachedCodes.Capacity);
        private readonly CachedCodes _incoming = new CachedCodes(CachedCodes.Capacity);
        private readonly long[] _spent = new long[MaxSpent];
        private int _spentCount;
        private long _incomingVersion;
        private int _incomingNextPart;
        private int _incomingParts;

        /// <summary>Opens the cache saved in <paramref name="storage"/>; verifiers are checked under the key derived from <paramref name="commandKey"/>.</summary>
        public OfflineCodeCache(byte[] commandKey, IStorage storage)
        {
            _storage = storage;
            _key = OfflineVerifier.DeriveKey(commandKey);
            Load();
        }

        /// <summary>The version of the cache held (0: none yet).</summary>
        public long Version { get; private set; }

        /// <summary>Codes held.</summary>
        public int Count => _codes.Count;

        /// <summary>True when the saved cache could not be read at start-up and was dropped.</summary>
        public bool WasUnreadable { get; private set; }

        /// <summary>The gateway's reference of entry <paramref name="index"/>.</summary>
        public long RefAt(int index) => _codes.RefAt(index);

        /// <summary>The compartment entry <paramref name="index"/> opens.</summary>
        public int CompartmentAt(int index) => _codes.CompartmentAt(index);

        /// <summary>
        /// Takes one part of a version. Returns "" when it was taken (or was already in hand: an older or the current
        /// version), else a failure reason for the command's result.
        /// </summary>
        public string ApplyPart(long version, int part, int parts, string codes)
        {
            if (version < Version || (version == Version && _incomingVersion != version))
            {
                return ""; // Superseded or already complete: the newer cache stays.
            }

            if (part == 1)
            {
                _incoming.Clear();
                _incomingVersion = version;
                _incomingParts = parts;
                _incomingNextPart = 1;
            }

            if (version != _incomingVersion || part != _incomingNextPart || parts != _incomingParts)
            {
                return CommandResults.OutOfOrder;
            }

            string problem = _incoming.Append(codes);
            if (problem.Length > 0)
            {
                _incomingVersion = 0;
                return CommandResults.OutOfOrder;
            }

            _incomingNextPart++;
            if (part == parts)
            {
                Complete(version);
            }

            return "";
        }

        /// <summary>
        /// The entry matching <paramref name="code"/> presented at a scanner (true) or the keypad, valid at
        /// <paramref name="nowUnixS"/>; -1 when none. Every entry is compared, in fixed time.
        /// </summary>
        public int Find(string code, bool fromScanner, long nowUnixS)
        {
            if (code == null || code.Length == 0 || _codes.Count == 0) return -1;
            byte[] verifier = OfflineVerifier.Compute(_key, code);
            int found = -1;
            for (int i = 0; i < _codes.Count; i++)
            {
                bool usable = CachedCodeKinds.Fits(_codes.KindAt(i), fromScanner) && _codes.ExpiresAt(i) >= nowUnixS;
                if (_codes.VerifierMatches(i, verifier) && usable) found = i;
            }

            Array.Clear(verifier, 0, verifier.Length);
            return found;
        }

        /// <summary>The door opened on cached code <paramref name="codeRef"/>: it is spent and never matches again.</summary>
        public void Spend(long codeRef)
        {
            int index = _codes.IndexOfRef(codeRef);
            if (index >= 0) _codes.RemoveAt(index);
            if (_spentCount == MaxSpent)
            {
                // The oldest spent reference goes; by now the gateway has long seen its door open.
                Array.Copy(_spent, 1, _spent, 0, MaxSpent - 1);
                _spentCount--;
            }

            _spent[_spentCount++] = codeRef;
            Save();
        }

        private void Complete(long version)
        {
            // A spent reference the new version still lists was pushed before the gateway saw its door open: it stays out
            // and stays spent. One the version no longer lists is known to the gateway: forget it.
            int kept = 0;
            for (int i = 0; i < _spentCount; i++)
            {
                int listed = _incoming.IndexOfRef(_spent[i]);
                if (listed < 0) continue;
                _incoming.RemoveAt(listed);
                _spent[kept++] = _spent[i];
            }

            _spentCount = kept;
            _codes.CopyFrom(_incoming);
            _incoming.Clear();
            Version = version;
            _incomingVersion = 0;
            Save();
        }

        private void Save()
        {
            var data = new byte[1 + 8 + 1 + _codes.Count * CachedCodes.StoredEntryLength + 1 + _spentCount * 8];
            data[0] = StorageFormat;
            int at = CachedCodes.WriteLong(Version, data, 1);
            data[at++] = (byte)_codes.Count;
            for (int i = 0; i < _codes.Count; i++) at = _codes.WriteTo(i, data, at);
            data[at++] = (byte)_spentCount;
            for (int i = 0; i < _spentCount; i++) at = CachedCodes.WriteLong(_spent[i], data, at);
            try
            {
                _storage.Write(StorageKey, data);
            }
            catch (Exception)
            {
                // A cache that cannot be saved must not come back older after a reboot (with codes since revoked).
                try
                {
                    _storage.Delete(StorageKey);
                }
                catch (Exception)
                {
                    // Nothing more to do: the flash refuses writes and deletes alike.
                }
            }
        }

        private void Load()
        {
            byte[] stored = _storage.Read(StorageKey);
            if (stored == null) return;
            if (!TryLoad(stored))
            {
                // Torn or foreign: no offline codes until the gateway pushes a version again.
                _codes.Clear();
                _spentCount = 0;
                Version = 0;
                WasUnreadable = true;
            }
        }

        private bool TryLoad(byte[] stored)
        {
            if (stored.Length < 11 || stored[0] != StorageFormat) return false;
            long version = CachedCodes.ReadLong(stored, 1);
            int count = stored[9];
            int at = 10;
            if (version < 0 || count > CachedCodes.Capacity || stored.Length < at + count * CachedCodes.StoredEntryLength + 1) return false;
            for (int i = 0; i < count; i++, at += CachedCodes.StoredEntryLength)
            {
                if (!_codes.ReadFrom(stored, at)) return false;
            }

            int spent = stored[at++];
            if (spent > MaxSpent || stored.Length != at + spent * 8) return false;
            for (int i = 0; i < spent; i++, at += 8) _spent[_spentCount++] = CachedCodes.ReadLong(stored, at);
            Version = version;
            return true;
        }
    }
}
