using System.Collections;
using Lockers.Core.Json;

namespace Lockers.Core.Board
{
    /// <summary>
    /// Reads typed fields out of parsed JSON and collects every problem with its path instead of stopping
    /// at the first. Getters return a fallback (-1 for numbers, "" for text, null for sections) on a problem,
    /// so the loader carries on and later rules skip what is already reported.
    /// </summary>
    internal sealed class BoardReader
    {
        /// <summary>What the number getters return for a missing or wrong value (every valid value is &gt;= 0).</summary>
        internal const int Invalid = -1;

        private readonly ArrayList _problems = new ArrayList();

        internal int ProblemCount => _problems.Count;

        internal void Add(string path, string message) => _problems.Add(path + ": " + message);

        internal string[] Problems()
        {
            string[] all = new string[_problems.Count];
            for (int i = 0; i < all.Length; i++) all[i] = (string)_problems[i]!;
            return all;
        }

        internal static string Child(string path, string name) => path.Length == 0 ? name : path + "." + name;

        internal static string Item(string path, int index) => path + "[" + index + "]";

        /// <summary>Reports every field not in <paramref name="allowed"/>: a misspelt optional field must not pass silently.</summary>
        internal void CheckKnown(JsonObject obj, string path, string[] allowed)
        {
            string[] keys = obj.Keys;
            for (int i = 0; i < keys.Length; i++)
            {
                if (IndexOf(allowed, keys[i]) < 0) Add(Child(path, keys[i]), "unknown field");
            }
        }

        internal JsonObject? Object(JsonObject obj, string name, string path, bool required)
        {
            object? value = Value(obj, name, path, required);
            if (value == null) return null;
            if (value is JsonObject found) return found;
            Add(Child(path, name), "must be an object");
            return null;
        }

        internal JsonArray? Array(JsonObject obj, string name, string path, bool required, int minItems, int maxItems)
        {
            object? value = Value(obj, name, path, required);
            if (value == null) return null;
            if (!(value is JsonArray found))
            {
                Add(Child(path, name), "must be an array");
                return null;
            }

            if (found.Count < minItems || found.Count > maxItems)
            {
                Add(Child(path, name), "must have " + minItems + ".." + maxItems + " items");
            }

            return found;
        }

        internal int Int(JsonObject obj, string name, string path, bool required, int min, int max)
        {
            object? value = Value(obj, name, path, required);
            return value == null ? Invalid : CheckInt(value, Child(path, name), min, max);
        }

        internal int IntItem(JsonArray array, int index, string path, int min, int max)
        {
            object? value = array[index];
            string itemPath = Item(path, index);
            if (value != null) return CheckInt(value, itemPath, min, max);
            Add(itemPath, "must be an integer");
            return Invalid;
        }

        internal string String(JsonObject obj, string name, string path, bool required)
        {
            object? value = Value(obj, name, path, required);
            if (value == null) return "";
            if (value is string text) return text;
            Add(Child(path, name), "must be a string");
            return "";
        }

        internal bool Bool(JsonObject obj, string name, string path, bool fallback)
        {
            object? value = Value(obj, name, path, false);
            if (value == null) return fallback;
            if (value is bool flag) return flag;
            Add(Child(path, name), "must be true or false");
            return fallback;
        }

        internal static int IndexOf(string[] values, string value)
        {
            for (int i = 0; i < values.Length; i++)
            {
                if (values[i] == value) return i;
            }

            return -1;
        }

        // JSON null counts as absent: "required" for a required field, the default for an optional one.
        private object? Value(JsonObject obj, string name, string path, bool required)
        {
            object? value = obj.Has(name) ? obj.Get(name) : null;
            if (value == null && required) Add(Child(path, name), "required");
            return value;
        }

        private int CheckInt(object value, string path, int min, int max)
        {
            if (!(value is long number))
            {
                Add(path, "must be an integer");
                return Invalid;
            }

            if (number < min || number > max)
            {
                Add(path, min == max ? "must be " + min : "must be " + min + ".." + max);
                return Invalid;
            }

            return (int)number;
        }
    }
}
