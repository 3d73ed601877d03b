using System.Text;

namespace Lockers.Core.Json
{
    /// <summary>Reads one JSON string literal, refusing what RFC 8259 refuses and unpaired surrogates.</summary>
    internal static class JsonStringReader
    {
        /// <summary>
        /// Reads the string whose opening quote is at <paramref name="position"/>; leaves
        /// <paramref name="position"/> just after the closing quote.
        /// </summary>
        public static string Read(string text, ref int position)
        {
            int start = position;
            position++;
            StringBuilder? builder = null;
            int runStart = position;
            while (true)
            {
                if (position >= text.Length)
                {
                    throw new JsonException("unterminated string", start);
                }

                char c = text[position];
                if (c == '"')
                {
                    string tail = text.Substring(runStart, position - runStart);
                    position++;
                    if (builder == null)
                    {
                        return tail;
                    }

                    builder.Append(tail);
                    return builder.ToString();
                }

                if (c < ' ')
                {
                    throw new JsonException("control character in a string", position);
                }

                if (c == '\\')
                {
                    if (builder == null)
                    {
                        builder = new StringBuilder();
                    }

                    builder.Append(text.Substring(runStart, position - runStart));
                    position = ReadEscape(text, position, builder);
                    runStart = position;
                    continue;
                }

                if (c >= '\uD800' && c <= '\uDBFF')
                {
                    if (position + 1 >= text.Length || !IsLowSurrogate(text[position + 1]))
                    {
                        throw new JsonException("unpaired surrogate in a string", position);
                    }

                    position += 2;
                    continue;
                }

                if (IsLowSurrogate(c))
                {
                    throw new JsonException("unpaired surrogate in a string", position);
                }

                position++;
            }
        }

        /// <summary>Appends the escape at <paramref name="position"/> (the backslash); returns the index after it.</summary>
        private static int ReadEscape(string text, int position, StringBuilder builder)
        {
            if (position + 1 >= text.Length)
            {
                throw new JsonException("unterminated escape", position);
            }

            char kind = text[position + 1];
            switch (kind)
            {
                case '"': builder.Append('"'); return position + 2;
                case '\\': builder.Append('\\'); return position + 2;
                case '/': builder.Append('/'); return position + 2;
                case 'b': builder.Append('\b'); return position + 2;
                case 'f': builder.Append('\f'); return position + 2;
                case 'n': builder.Append('\n'); return position + 2;
                case 'r': builder.Append('\r'); return position + 2;
                case 't': builder.Append('\t'); return position + 2;
                case 'u': return ReadUnicodeEscape(text, position, builder);
                default:
                    throw new JsonException("bad escape '\\" + kind + "'", position);
            }
        }

        private static int ReadUnicodeEscape(string text, int position, StringBuilder builder)
        {
            char unit = ReadHex4(text, position);
            if (IsLowSurrogate(unit))
            {
                throw new JsonException("unpaired surrogate escape", position);
            }

            if (unit >= '\uD800' && unit <= '\uDBFF')
            {
                int next = position + 6;
                if (next + 1 >= text.Length || text[next] != '\\' || text[next + 1] != 'u')
                {
                    throw new JsonException("unpaired surrogate escape", position);
                }

                char low = ReadHex4(text, next);
                if (!IsLowSurrogate(low))
                {
                    throw new JsonException("unpaired surrogate escape", position);
                }

                builder.Append(unit);
                builder.Append(low);
                return next + 6;
            }

            builder.Append(unit);
            return position + 6;
        }

        /// <summary>The code unit of "\uXXXX" starting at the backslash at <paramref name="position"/>.</summary>
        private static char ReadHex4(string text, int position)
        {
            if (position + 6 > text.Length)
            {
                throw new JsonException("truncated \\u escape", position);
            }

            int value = 0;
            for (int i = position + 2; i < position + 6; i++)
            {
                int digit = HexValue(text[i]);
                if (digit < 0)
                {
                    throw new JsonException("bad hex digit in \\u escape", i);
                }

                value = value * 16 + digit;
            }

            return (char)value;
        }

        private static int HexValue(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }

        private static bool IsLowSurrogate(char c) => c >= '\uDC00' && c <= '\uDFFF';
    }
}
