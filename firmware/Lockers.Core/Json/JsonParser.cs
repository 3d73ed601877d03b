using System.Text;

namespace Lockers.Core.Json
{
    /// <summary>
    /// A strict RFC 8259 parser for the small documents of the locker protocol and board files.
    /// Returns <see cref="JsonObject"/>, <see cref="JsonArray"/>, string, long, double, bool, or null for
    /// JSON null (plain null, no sentinel: <see cref="JsonObject.Has"/> tells null from missing).
    /// Integers without fraction or exponent become long; other numbers double.
    /// Everything else is a <see cref="JsonException"/> with the character position: trailing text,
    /// bad escapes, unpaired surrogates, raw control characters in strings, leading zeros, integers
    /// outside long, numbers outside double, duplicate keys, and nesting deeper than <see cref="MaxDepth"/>.
    /// </summary>
    public sealed class JsonParser
    {
        /// <summary>Deepest nesting of objects and arrays accepted; bounds the stack on the device.</summary>
        public const int MaxDepth = 32;

        private readonly string _text;
        private int _position;
        private int _depth;

        private JsonParser(string text)
        {
            _text = text;
        }

        /// <summary>Parses one complete JSON value; only whitespace may surround it.</summary>
        public static object? Parse(string text)
        {
            if (text == null)
            {
                throw new JsonException("no input", 0);
            }

            var parser = new JsonParser(text);
            parser.SkipWhitespace();
            object? value = parser.ReadValue();
            parser.SkipWhitespace();
            if (parser._position != text.Length)
            {
                throw new JsonException("unexpected text after the value", parser._position);
            }

            return value;
        }

        /// <summary>Parses UTF-8 bytes (an MQTT payload or a file).</summary>
        public static object? ParseUtf8(byte[] utf8)
        {
            if (utf8 == null)
            {
                throw new JsonException("no input", 0);
            }

            return Parse(Encoding.UTF8.GetString(utf8, 0, utf8.Length));
        }

        /// <summary>Parses text that must hold a JSON object (every protocol payload does).</summary>
        public static JsonObject ParseObject(string text)
        {
            if (Parse(text) is JsonObject value)
            {
                return value;
            }

            throw new JsonException("expected an object", 0);
        }

        /// <summary>Parses UTF-8 bytes that must hold a JSON object.</summary>
        public static JsonObject ParseObjectUtf8(byte[] utf8)
        {
            if (ParseUtf8(utf8) is JsonObject value)
            {
                return value;
            }

            throw new JsonException("expected an object", 0);
        }

        private object? ReadValue()
        {
            if (_position >= _text.Length)
            {
                throw new JsonException("unexpected end of input, expected a value", _position);
            }

            char c = _text[_position];
            switch (c)
            {
                case '{':
                    return ReadObject();
                case '[':
                    return ReadArray();
                case '"':
                    return JsonStringReader.Read(_text, ref _position);
                case 't':
                    ReadLiteral("true");
                    return true;
                case 'f':
                    ReadLiteral("false");
                    return false;
                case 'n':
                    ReadLiteral("null");
                    return null;
                default:
                    if (c == '-' || (c >= '0' && c <= '9'))
                    {
                        return ReadNumber();
                    }

                    throw new JsonException("unexpected character '" + c + "'", _position);
            }
        }

        private JsonObject ReadObject()
        {
            Enter();
            var result = new JsonObject();
            _position++;
            SkipWhitespace();
            if (Peek() == '}')
            {
                _position++;
                _depth--;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                if (Peek() != '"')
                {
                    throw new JsonException("expected a field name", _position);
                }

                int nameStart = _position;
                string name = JsonStringReader.Read(_text, ref _position);
                SkipWhitespace();
                Expect(':');
                SkipWhitespace();
                object? value = ReadValue();
                if (!result.TryAdd(name, value))
                {
                    throw new JsonException("duplicate field '" + name + "'", nameStart);
                }

                SkipWhitespace();
                char next = Peek();
                _position++;
                if (next == '}')
                {
                    _depth--;
                    return result;
                }

                if (next != ',')
                {
                    throw new JsonException("expected ',' or '}'", _position - 1);
                }
            }
        }

        private JsonArray ReadArray()
        {
            Enter();
            var result = new JsonArray();
            _position++;
            SkipWhitespace();
            if (Peek() == ']')
            {
                _position++;
                _depth--;
                return result;
            }

            while (true)
            {
                SkipWhitespace();
                result.Add(ReadValue());
                SkipWhitespace();
                char next = Peek();
                _position++;
                if (next == ']')
                {
                    _depth--;
                    return result;
                }

                if (next != ',')
                {
                    throw new JsonException("expected ',' or ']'", _position - 1);
                }
            }
        }

        private object ReadNumber()
        {
            int start = _position;
            bool isInteger = true;
            if (Peek() == '-')
            {
                _position++;
            }

            if (Peek() == '0')
            {
                _position++;
                if (IsDigit(Peek()))
                {
                    throw new JsonException("leading zero in a number", start);
                }
            }
            else
            {
                RequireDigits();
            }

            if (Peek() == '.')
            {
                isInteger = false;
                _position++;
                RequireDigits();
            }

            if (Peek() == 'e' || Peek() == 'E')
            {
                isInteger = false;
                _position++;
                if (Peek() == '+' || Peek() == '-')
                {
                    _position++;
                }

                RequireDigits();
            }

            string literal = _text.Substring(start, _position - start);
            if (isInteger)
            {
                if (JsonNumber.TryParseInteger(literal, out long integer))
                {
                    return integer;
                }

                throw new JsonException("integer out of range", start);
            }

            double real = JsonNumber.ParseReal(literal);
            if (double.IsInfinity(real) || double.IsNaN(real))
            {
                throw new JsonException("number out of range", start);
            }

            return real;
        }

        private void RequireDigits()
        {
            if (!IsDigit(Peek()))
            {
                throw new JsonException("expected a digit", _position);
            }

            while (IsDigit(Peek()))
            {
                _position++;
            }
        }

        private void ReadLiteral(string literal)
        {
            if (_position + literal.Length > _text.Length || _text.Substring(_position, literal.Length) != literal)
            {
                throw new JsonException("unknown literal, expected '" + literal + "'", _position);
            }

            _position += literal.Length;
        }

        private void Enter()
        {
            _depth++;
            if (_depth > MaxDepth)
            {
                throw new JsonException("nesting deeper than " + MaxDepth, _position);
            }
        }

        private void Expect(char expected)
        {
            if (Peek() != expected)
            {
                throw new JsonException("expected '" + expected + "'", _position);
            }

            _position++;
        }

        // '\0' stands for end of input; a real NUL can only appear inside a string, where it is refused.
        private char Peek() => _position < _text.Length ? _text[_position] : '\0';

        private static bool IsDigit(char c) => c >= '0' && c <= '9';

        private void SkipWhitespace()
        {
            while (_position < _text.Length)
            {
                char c = _text[_position];
                if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
                {
                    return;
                }

                _position++;
            }
        }
    }
}
