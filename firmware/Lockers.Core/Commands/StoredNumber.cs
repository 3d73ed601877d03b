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
        public static byte[] ToBytes(long value) => Encoding.UTF8.GetBytes(JsonNumber.FormatInteger(value));
    }
}
