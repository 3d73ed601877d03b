using System;

namespace Lockers.Core.Json
{
    /// <summary>
    /// Writes compact JSON into one reusable char buffer: no whitespace, fields in call order, strings
    /// escaped per RFC 8259 (quote, backslash and control characters; other characters are written
    /// as they are and become UTF-8 in <see cref="ToUtf8"/>; a lone surrogate becomes U+FFFD).
    /// Commas are placed automatically. Misuse (a value without a name inside an object, unbalanced
    /// ends, nesting deeper than <see cref="JsonParser.MaxDepth"/>) throws InvalidOperationException.
    /// Integers are written digit by digit and <see cref="ToUtf8"/> encodes straight from the buffer, so a
    /// writer reused with <see cref="Clear"/> allocates only the payload array (the device has about 79 KB of heap).
    /// </summary>
    public sealed class JsonWriter
    {
        // Room for every payload the locker sends (events, results, telemetry: under 200 characters) without growing.
        private const int InitialCapacity = 192;

        private char[] _chars = new char[InitialCapacity];
        private int _length;
        // Per nesting level: does the next item need a comma, and is the level an object.
        private readonly bool[] _hasItems = new bool[JsonParser.MaxDepth + 1];
        private readonly bool[] _isObject = new bool[JsonParser.MaxDepth + 1];
        private int _depth;
        private bool _afterName;

        /// <summary>Starts an object (as a value, or after <see cref="Name"/>).</summary>
        public JsonWriter BeginObject() => Open('{', true);

        /// <summary>Ends the innermost object.</summary>
        public JsonWriter EndObject() => Close('}', true);

        /// <summary>Starts an array.</summary>
        public JsonWriter BeginArray() => Open('[', false);

        /// <summary>Ends the innermost array.</summary>
        public JsonWriter EndArray() => Close(']', false);

        /// <summary>Writes a field name inside an object; the next call writes its value.</summary>
        public JsonWriter Name(string name)
        {
            if (_depth == 0 || !_isObject[_depth] || _afterName)
            {
                throw new InvalidOperationException("a name belongs directly inside an object");
            }

            if (_hasItems[_depth])
            {
                Append(',');
            }

            _hasItems[_depth] = true;
            AppendQuoted(name);
            Append(':');
            _afterName = true;
            return this;
        }

        /// <summary>Writes a string value, or null when <paramref name="value"/> is null.</summary>
        public JsonWriter Value(string value)
        {
            if (value == null)
            {
                return Null();
            }

            BeforeValue();
            AppendQuoted(value);
            return this;
        }

        /// <summary>Writes an integer.</summary>
        public JsonWriter Value(long value)
        {
            BeforeValue();
            AppendInteger(value);
            return this;
        }

        /// <summary>Writes an integer.</summary>
        public JsonWriter Value(int value) => Value((long)value);

        /// <summary>Writes true or false.</summary>
        public JsonWriter Value(bool value)
        {
            BeforeValue();
            Append(value ? "true" : "false");
            return this;
        }

        /// <summary>Writes a finite number with '.' as the separator; NaN and infinity throw ArgumentException.</summary>
        public JsonWriter Value(double value)
        {
            string text = JsonNumber.FormatReal(value);
            BeforeValue();
            Append(text);
            return this;
        }

        /// <summary>Writes JSON null.</summary>
        public JsonWriter Null()
        {
            BeforeValue();
            Append("null");
            return this;
        }

        /// <summary>Writes a string field (null writes JSON null).</summary>
        public JsonWriter Field(string name, string value) => Name(name).Value(value);

        /// <summary>Writes an integer field.</summary>
        public JsonWriter Field(string name, long value) => Name(name).Value(value);

        /// <summary>Writes an integer field.</summary>
        public JsonWriter Field(string name, int value) => Name(name).Value(value);

        /// <summary>Writes a boolean field.</summary>
        public JsonWriter Field(string name, bool value) => Name(name).Value(value);

        /// <summary>Writes a number field.</summary>
        public JsonWriter Field(string name, double value) => Name(name).Value(value);

        /// <summary>Empties the writer so it can be reused without allocating a new buffer.</summary>
        public void Clear()
        {
            _length = 0;
            _depth = 0;
            _afterName = false;
            _hasItems[0] = false;
        }

        /// <summary>The JSON text written so far.</summary>
        public override string ToString() => new string(_chars, 0, _length);

        /// <summary>The JSON text as UTF-8 bytes (an MQTT payload): the only allocation, encoded straight from the buffer.</summary>
        public byte[] ToUtf8() => Utf8Text.Encode(_chars, _length);

        // Decimal digits written in place (no string per number); long.MinValue included.
        private void AppendInteger(long value)
        {
            if (value < 0)
            {
                Append('-');
            }
            else
            {
                // Count down on the negative side: long.MinValue has no positive counterpart.
                value = -value;
            }

            int start = _length;
            do
            {
                Append((char)('0' - (int)(value % 10)));
                value /= 10;
            }
            while (value != 0);

            for (int left = start, right = _length - 1; left < right; left++, right--)
            {
                char digit = _chars[left];
                _chars[left] = _chars[right];
                _chars[right] = digit;
            }
        }

        private void Append(char c)
        {
            if (_length == _chars.Length) Grow(1);
            _chars[_length++] = c;
        }

        private void Append(string text)
        {
            if (_length + text.Length > _chars.Length) Grow(text.Length);
            for (int i = 0; i < text.Length; i++) _chars[_length++] = text[i];
        }

        private void Grow(int needed)
        {
            int size = _chars.Length * 2;
            if (size < _length + needed) size = _length + needed;
            var larger = new char[size];
            Array.Copy(_chars, larger, _length);
            _chars = larger;
        }

        private JsonWriter Open(char bracket, bool isObject)
        {
            if (_depth == JsonParser.MaxDepth)
            {
                throw new InvalidOperationException("nesting deeper than " + JsonParser.MaxDepth);
            }

            BeforeValue();
            Append(bracket);
            _depth++;
            _hasItems[_depth] = false;
            _isObject[_depth] = isObject;
            return this;
        }

        private JsonWriter Close(char bracket, bool isObject)
        {
            if (_depth == 0 || _isObject[_depth] != isObject || _afterName)
            {
                throw new InvalidOperationException("unbalanced '" + bracket + "'");
            }

            Append(bracket);
            _depth--;
            return this;
        }

        private void BeforeValue()
        {
            if (_afterName)
            {
                _afterName = false;
                return;
            }

            if (_depth > 0 && _isObject[_depth])
            {
                throw new InvalidOperationException("a value inside an object needs a name first");
            }

            if (_hasItems[_depth])
            {
                if (_depth == 0)
                {
                    throw new InvalidOperationException("only one top-level value");
                }

                Append(',');
            }

            _hasItems[_depth] = true;
        }

        private void AppendQuoted(string text)
        {
            Append('"');
            for (int i = 0; i < text.Length; i++)
            {
                char c = text[i];
                switch (c)
                {
                    case '"': Append("\\\""); break;
                    case '\\': Append("\\\\"); break;
                    case '\n': Append("\\n"); break;
                    case '\r': Append("\\r"); break;
                    case '\t': Append("\\t"); break;
                    case '\b': Append("\\b"); break;
                    case '\f': Append("\\f"); break;
                    default:
                        i = AppendPlain(text, i);
                        break;
                }
            }

            Append('"');
        }

        /// <summary>Appends the character at <paramref name="i"/>; returns the index of the last code unit used.</summary>
        private int AppendPlain(string text, int i)
        {
            char c = text[i];
            if (c < ' ')
            {
                Append("\\u00");
                Append(HexDigit(c >> 4));
                Append(HexDigit(c & 0xF));
                return i;
            }

            if (c >= '\uD800' && c <= '\uDBFF' && i + 1 < text.Length && text[i + 1] >= '\uDC00' && text[i + 1] <= '\uDFFF')
            {
                Append(c);
                Append(text[i + 1]);
                return i + 1;
            }

            Append(c >= '\uD800' && c <= '\uDFFF' ? '\uFFFD' : c);
            return i;
        }

        private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'a' + value - 10);
    }
}
