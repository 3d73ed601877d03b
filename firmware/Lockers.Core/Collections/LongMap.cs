using System;

namespace Lockers.Core.Collections
{
    /// <summary>
    /// A small map from long to long in two arrays: what a Hashtable does for the core's few in-flight message
    /// ids, without boxing a key (and a value) on every call, since nanoFramework 1.x has no generic collections.
    /// Lookups are linear, so keep it for maps of a few dozen entries; it grows by doubling and never shrinks,
    /// so a map back at its usual size allocates nothing. Not thread-safe.
    /// </summary>
    internal sealed class LongMap
    {
        private long[] _keys;
        private long[] _values;

        public LongMap(int initialCapacity)
        {
            _keys = new long[initialCapacity < 1 ? 1 : initialCapacity];
            _values = new long[_keys.Length];
        }

        public int Count { get; private set; }

        public bool Contains(long key) => IndexOf(key) >= 0;

        /// <summary>True and the value when the key is present; false and 0 otherwise.</summary>
        public bool TryGet(long key, out long value)
        {
            int index = IndexOf(key);
            value = index < 0 ? 0 : _values[index];
            return index >= 0;
        }

        /// <summary>Adds the key, or replaces its value (as a Hashtable's indexer does).</summary>
        public void Set(long key, long value)
        {
            int index = IndexOf(key);
            if (index < 0)
            {
                if (Count == _keys.Length) Grow();
                index = Count++;
                _keys[index] = key;
            }

            _values[index] = value;
        }

        /// <summary>True when the key was there (it is gone now).</summary>
        public bool Remove(long key)
        {
            int index = IndexOf(key);
            if (index < 0) return false;

            // Order means nothing here: the last entry fills the hole.
            Count--;
            _keys[index] = _keys[Count];
            _values[index] = _values[Count];
            return true;
        }

        public void Clear() => Count = 0;

        private int IndexOf(long key)
        {
            for (int i = 0; i < Count; i++)
            {
                if (_keys[i] == key) return i;
            }

            return -1;
        }

        private void Grow()
        {
            var keys = new long[_keys.Length * 2];
            var values = new long[keys.Length];
            Array.Copy(_keys, keys, Count);
            Array.Copy(_values, values, Count);
            _keys = keys;
            _values = values;
        }
    }
}
