using System.Collections;

namespace Lockers.Core.Json
{
    /// <summary>
    /// A parsed JSON array. Elements are <see cref="JsonObject"/>, <see cref="JsonArray"/>, string,
    /// long, double, bool or null (JSON null).
    /// </summary>
    public sealed class JsonArray
    {
        private readonly ArrayList _items = new ArrayList();

        /// <summary>Number of elements.</summary>
        public int Count => _items.Count;

        /// <summary>The element at <paramref name="index"/> (0-based).</summary>
        public object? this[int index] => _items[index];

        /// <summary>The element at <paramref name="index"/> as a string; throws <see cref="JsonException"/> when it is not one.</summary>
        public string GetString(int index)
        {
            if (_items[index] is string text)
            {
                return text;
            }

            throw new JsonException("element " + index + ": expected a string");
        }

        /// <summary>The element at <paramref name="index"/> as an integer; throws <see cref="JsonException"/> when it is not one.</summary>
        public long GetLong(int index)
        {
            if (_items[index] is long number)
            {
                return number;
            }

            throw new JsonException("element " + index + ": expected an integer");
        }

        /// <summary>The element at <paramref name="index"/> as an object; throws <see cref="JsonException"/> when it is not one.</summary>
        public JsonObject GetObject(int index)
        {
            if (_items[index] is JsonObject value)
            {
                return value;
            }

            throw new JsonException("element " + index + ": expected an object");
        }

        internal void Add(object? value)
        {
            _items.Add(value);
        }
    }
}
