using System.Text;
using Lockers.Core.Json;

namespace Lockers.Core.Commands
{
    /// <summary>Reads a non-negative decimal number saved as ASCII, refusing anything else (a torn or foreign file).</summary>
    public static class StoredNumber
    {
        /// <summary>Parses 1 to 18 ASCII digits; false for anything else, never throws.</summary>
        public static bool TryParse(byte[] stored, out long value)
        {
            value = 0;
            if (stored == null || stored.Length == 0 || stored.Length > 18)
            {
                return false;
            }

            for (int i = 0; i < stored.Length; i++)
            {
                if (stored[i] < (byte)'0' || stored[i] > (byte)'9')
                {
                    return false;
                }
            }

            return JsonNumber.TryParseInteger(Encoding.UTF8.GetString(stored, 0, stored.Length), out value);
        }

        /// <summary>The ASCII bytes of a non-negative number, as <see cref="TryParse"/> reads them.</summary>
        public static byte[] ToBytes(long value)
        {
            if (value < 0)
            {
                return Encoding.UTF8.GetBytes(JsonNumber.FormatInteger(value));
            }

            // Digits straight into the array (written for every event and command): no intermediate string.
            int digits = 1;
            for (long rest = value / 10; rest > 0; rest /= 10) digits++;
            var bytes = new byte[digits];
            for (int i = digits - 1; i >= 0; i--)
            {
                bytes[i] = (byte)('0' + (int)(value % 10));
                value /= 10;
            }

            return bytes;
        }
    }
}
