namespace Lockers.Core.Json
{
    /// <summary>
    /// UTF-8 from a char buffer without an intermediate string (nanoFramework's Encoding takes only a whole
    /// string): one exact-size array is the only allocation. A well-formed surrogate pair becomes one 4-byte
    /// sequence; a lone surrogate becomes U+FFFD, as Encoding.UTF8 does.
    /// </summary>
    internal static class Utf8Text
    {
        /// <summary>The UTF-8 bytes of the first <paramref name="length"/> chars of <paramref name="chars"/>.</summary>
        public static byte[] Encode(char[] chars, int length)
        {
            var bytes = new byte[Count(chars, length)];
            int at = 0;
            for (int i = 0; i < length; i++)
            {
                int c = chars[i];
                if (c < 0x80)
                {
                    bytes[at++] = (byte)c;
                }
                else if (c < 0x800)
                {
                    bytes[at++] = (byte)(0xC0 | (c >> 6));
                    bytes[at++] = (byte)(0x80 | (c & 0x3F));
                }
                else if (IsPair(chars, length, i))
                {
                    int codePoint = 0x10000 + ((c - 0xD800) << 10) + (chars[++i] - 0xDC00);
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
            }

            return bytes;
        }

        private static int Count(char[] chars, int length)
        {
            int count = 0;
            for (int i = 0; i < length; i++)
            {
                char c = chars[i];
                if (c < 0x80)
                {
                    count++;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (IsPair(chars, length, i))
                {
                    count += 4;
                    i++;
                }
                else
                {
                    count += 3;
                }
            }

            return count;
        }

        private static bool IsPair(char[] chars, int length, int i)
        {
            return chars[i] >= '\uD800' && chars[i] <= '\uDBFF' && i + 1 < length && chars[i + 1] >= '\uDC00' && chars[i + 1] <= '\uDFFF';
        }
    }
}
