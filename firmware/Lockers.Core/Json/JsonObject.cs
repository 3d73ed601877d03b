using System.Collections;

namespace Lockers.Core.Json
{
    /// <summary>
    /// A parsed JSON object. Values are <see cref="JsonObject"/>, <see cref="JsonArray"/>, string, long
    /// (integers without fraction or exponent), double (every other number), bool, or null for JSON null.
    /// <see cref="Has"/> tells a field that is null from a field that is missing.
    /// The required getters throw <see cref="JsonException"/> naming the field ("missing field 'x'",
    /// "field 'x': expected a string"); the getters with a fallback return it when the field is missing
    /// or null, and still throw when it holds another type.
    /// </summary>
    public sealed class JsonObject
    {
        // Above this many fields, lookups go through a Hashtable index built then; below it a linear search
        // is as fast and saves the table's allocation on every small payload (the device has about 79 KB of heap).
        private const int IndexFromCount = 16;

        // Names in document order (so Keys keeps it) and their values at the same positions.
        private readonly ArrayList _names = new ArrayList();
        private readonly ArrayList _values = new ArrayList();
        private Hashtable? _indexByName;

        /// <summary>Number of fields.</summary>
        public int Count => _names.Count;

        /// <summary>The field names in document order.</summary>
        public string[] Keys
        {
            get
            {
                var keys = new string[_names.Count];
                for (int i = 0; i < keys.Length; i++)
                {
                    keys[i] = (string)_names[i]!;
                }

                return keys;
            }
        }

        /// <summary>True when the field is present (even when its value is JSON null).</summary>
        public bool Has(string name) => IndexOf(name) >= 0;

        /// <summary>True when the field is present and holds JSON null.</summary>
        public bool IsNull(string name) => Has(name) && Get(name) == null;

        /// <summary>The raw value, or null when the field is missing or JSON null.</summary>
        public object? Get(string name)
        {
            int index = IndexOf(name);
            return index < 0 ? null : _values[index];
        }

        /// <summary>A required string field.</summary>
        public string GetString(string name) => ExpectString(name, Require(name));

        /// <summary>An optional string field; <paramref name="fallback"/> when missing or null.</summary>
        public string GetString(string name, string fallback)
        {
            object? value = Get(name);
            return value == null ? fallback : ExpectString(name, value);
        }

        /// <summary>A required integer field.</summary>
        public long GetLong(string name) => ExpectLong(name, Require(name));

        /// <summary>An optional integer field; <paramref name="fallback"/> when missing or null.</summary>
        public long GetLong(string name, long fallback)
        {
            object? value = Get(name);
            return value == null ? fallback : ExpectLong(name, value);
        }

        /// <summary>A required integer field that must fit in an int.</summary>
        public int GetInt(string name) => ExpectInt(name, Require(name));

        /// <summary>An optional int field; <paramref name="fallback"/> when missing or null.</summary>
        public int GetInt(string name, int fallback)
        {
            object? value = Get(name);
            return value == null ? fallback : ExpectInt(name, value);
        }

        /// <summary>A required number field (integers are widened).</summary>
        public double GetDouble(string name) => ExpectDouble(name, Require(name));

        /// <summary>An optional number field; <paramref name="fallback"/> when missing or null.</summary>
        public double GetDouble(string name, double fallback)
        {
            object? value = Get(name);
            return value == null ? fallback : ExpectDouble(name, value);
        }

        /// <summary>A required boolean field.</summary>
        public bool GetBool(string name) => ExpectBool(name, Require(name));

        /// <summary>An optional boolean field; <paramref name="fallback"/> when missing or null.</summary>
        public bool GetBool(string name, bool fallback)
        {
            object? value = Get(name);
            return value == null ? fallback : ExpectBool(name, value);
        }

        /// <summary>A required object field.</summary>
        public JsonObject GetObject(string name)
        {
            if (Require(name) is JsonObject value)
            {
                return value;
            }

            throw WrongType(name, "an object");
        }

        /// <summary>A required array field.</summary>
        public JsonArray GetArray(string name)
        {
            if (Require(name) is JsonArray value)
            {
                return value;
            }

            throw WrongType(name, "an array");
        }

        /// <summary>Adds a field; the parser calls it and refuses duplicates.</summary>
        internal bool TryAdd(string name, object? value)
        {
            if (IndexOf(name) >= 0)
            {
                return false;
            }

            _names.Add(name);
            _values.Add(value);
            if (_indexByName != null)
            {
                _indexByName.Add(name, _names.Count - 1);
            }
            else if (_names.Count > IndexFromCount)
            {
                _indexByName = new Hashtable();
                for (int i = 0; i < _names.Count; i++) _indexByName.Add(_names[i]!, i);
            }

            return true;
        }

        private int IndexOf(string name)
        {
            if (_indexByName != null)
            {
                object? index = _indexByName[name];
                return index == null ? -1 : (int)index;
            }

            for (int i = 0; i < _names.Count; i++)
            {
                if ((string)_names[i]! == name) return i;
            }

            return -1;
        }

        private object Require(string name)
        {
            if (!Has(name))
            {
                throw new JsonException("missing field '" + name + "'");
            }

            object? value = Get(name);
            if (value == null)
            {
                throw new JsonException("field '" + name + "': must not be null");
            }

            return value;
        }

        private static string ExpectString(string name, object value)
        {
            if (value is string text)
            {
                return text;
            }

            throw WrongType(name, "a string");
        }

        private static long ExpectLong(string name, object value)
        {
            if (value is long number)
            {
                return number;
            }

            throw WrongType(name, "an integer");
        }

        private static int ExpectInt(string name, object value)
        {
            long number = ExpectLong(name, value);
            if (number < int.MinValue || number > int.MaxValue)
            {
                throw new JsonException("field '" + name + "': integer out of range");
            }

            return (int)number;
        }

        private static double ExpectDouble(string name, object value)
        {
            if (value is double real)
            {
                return real;
            }

            if (value is long number)
            {
                return number;
            }

            throw WrongType(name, "a number");
        }

        private static bool ExpectBool(string name, object value)
        {
            if (value is bool flag)
            {
                return flag;
            }

            throw WrongType(name, "a boolean");
        }

        private static JsonException WrongType(string name, string expected)
        {
            return new JsonException("field '" + name + "': expected " + expected);
        }
    }
}
