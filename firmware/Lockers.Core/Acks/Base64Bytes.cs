namespace Lockers.Core.Acks
{
    /// <summary>
    /// Decodes standard base64 (RFC 4648 section 4, padded) from a slice of a byte array into a caller's buffer. Written by
    /// hand because Convert.FromBase64String takes a string and returns a new array, two allocations per ack that the
    /// firmware's budget (ADR 0005) does not need to pay; the general path still uses Convert.
    /// </summary>
    internal static class Base64Bytes
    {
        /// <summary>The number of bytes written to <paramref name="output"/>, or -1 for anything that is not padded base64 that fits.</summary>
        public static int Decode(byte[] input, int start, int length, byte[] output)
        {
            if (length == 0 || length % 4 != 0)
            {
                return -1;
            }

            int padding = input[start + length - 1] == (byte)'=' ? (input[start + length - 2] == (byte)'=' ? 2 : 1) : 0;
            int size = length / 4 * 3 - padding;
            if (size > output.Length)
            {
                return -1;
            }

            int written = 0;
            for (int i = 0; i < length; i += 4)
            {
                int bits = 0;
                for (int k = 0; k < 4; k++)
                {
                    int at = start + i + k;
                    int value;
                    if (input[at] == (byte)'=')
                    {
                        // Padding only at the very end.
                        if (at < start + length - padding) return -1;
                        value = 0;
                    }
                    else
                    {
                        value = ValueOf(input[at]);
                        if (value < 0) return -1;
                    }

                    bits = (bits << 6) | value;
                }

                if (written < size) output[written++] = (byte)(bits >> 16);
                if (written < size) output[written++] = (byte)(bits >> 8);
                if (written < size) output[written++] = (byte)bits;
            }

            return size;
        }

        private static int ValueOf(byte c)
        {
            if (c >= (byte)'A' && c <= (byte)'Z') return c - (byte)'A';
            if (c >= (byte)'a' && c <= (byte)'z') return c - (byte)'a' + 26;
            if (c >= (byte)'0' && c <= (byte)'9') return c - (byte)'0' + 52;
            if (c == (byte)'+') return 62;
            if (c == (byte)'/') return 63;
            return -1;
        }
    }
}
