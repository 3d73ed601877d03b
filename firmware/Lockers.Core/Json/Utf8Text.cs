namespace Lockers.Core.Json
{
    /// <summary>
    /// UTF-8 from a char buffer or a string without an intermediate string or array (nanoFramework's Encoding
    /// takes only a whole string): the caller's one exact-size array is the only allocation. A well-formed
    /// surrogate pair becomes one 4-byte sequence; a lone surrogate becomes U+FFFD, as Encoding.UTF8 does.
    /// </summary>
    internal static class Utf8Text
    {
        /// <summary>The UTF-8 bytes of the first <paramref name="length"/> chars of <paramref name="chars"/>.</summary>
        public static byte[] Encode(char[] chars, int length)
        {
            int count = 0;
            for (int i = 0; i < length; i++)
            {
                char next = i + 1 < length ? chars[i + 1] : '\0';
                count += Size(chars[i], next);
                if (IsPair(chars[i], next)) i++;
            }

            var bytes = new byte[count];
            int at = 0;
            for (int i = 0; i < length; i++)
            {
                char next = i + 1 < length ? chars[i + 1] : '\0';
                at = Put(chars[i], next, bytes, at);
                if (IsPair(chars[i], next)) i++;
            }

            return bytes;
        }

        /// <summary>How many bytes <see cref="Write"/> puts down for <paramref name="text"/>.</summary>
        public static int Count(string text)
        {
            int count = 0;
            for (int i = 0; i < text.Length; i++)
            {
                char next = i + 1 < text.Length ? text[i + 1] : '\0';
                count += Size(text[i], next);
                if (IsPair(text[i], next)) i++;
            }

            return count;
        }

        /// <summary>Writes the UTF-8 of <paramref name="text"/> at <paramref name="at"/>; returns the index after it.</summary>
        public static int Write(string text, byte[] bytes, int at)
        {
            for (int i = 0; i < text.Length; i++)
            {
                char next = i + 1 < text.Length ? text[i + 1] : '\0';
                at = Put(text[i], next, bytes, at);
                if (IsPair(text[i], next)) i++;
            }

            return at;
        }

        // One character, or one surrogate pair when c and next form one ('\0' stands for "no next").
        private static int Size(char c, char next)
        {
            if (c < 0x80) return 1;
            if (c < 0x800) return 2;
            return IsPair(c, next) ? 4 : 3;
        }

        private static int Put(char unit, char next, byte[] bytes, int at)
        {
            int c = unit;
            if (c < 0x80)
            {
                bytes[at++] = (byte)c;
            }
            else if (c < 0x800)
            {
                bytes[at++] = (byte)(0xC0 | (c >> 6));
                bytes[at++] = (byte)(0x80 | (c & 0x3F));
            }
            else if (IsPair(unit, next))
            {
                int codePoint = 0x10000 + ((c - 0xD800) << 10) + (next - 0xDC00);
                bytes[at++] = (byte)(0xF0 | (codePoint >> 18));
                bytes[at++] = (byte)(0x80 | ((codePoint >> 12) & 0x3F));
                bytes[at++] = (byte)(0x80 | ((codePoint >> 6) & 0x3F));
                bytes[at++] = (byte)(0x80 | (codePoint & 0x3F));
            }
            else
            {
                if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;
                bytes[at++] = (byte)(0xE0 | (c >> 12));
                bytes[at++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                bytes[at++] = (byte)(0x80 | (c & 0x3F));
            }

            return at;
        }

        private static bool IsPair(char c, char next) => c >= '\uD800' && c <= '\uDBFF' && next >= '\uDC00' && next <= '\uDFFF';
    }
}
