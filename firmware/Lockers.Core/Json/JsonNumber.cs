using System;
#if !NANOFRAMEWORK_1_0
using System.Globalization;
#endif

namespace Lockers.Core.Json
{
    /// <summary>
    /// Number text conversions. The only platform difference in the JSON code lives here: .NET must be
    /// told to use the invariant culture, nanoFramework has no cultures and is always invariant.
    /// </summary>
    internal static class JsonNumber
    {
        /// <summary>
        /// Parses an already validated integer literal ("-"? digits). Returns false when it does not
        /// fit in a long, without throwing.
        /// </summary>
        public static bool TryParseInteger(string text, out long value)
        {
            bool negative = text[0] == '-';
            int start = negative ? 1 : 0;
            // Accumulate as a negative number: long.MinValue has no positive counterpart.
            long accumulator = 0;
            for (int i = start; i < text.Length; i++)
            {
                int digit = text[i] - '0';
                if (accumulator < (long.MinValue + digit) / 10)
                {
                    value = 0;
                    return false;
                }

                accumulator = accumulator * 10 - digit;
            }

            if (!negative && accumulator == long.MinValue)
            {
                value = 0;
                return false;
            }

            value = negative ? accumulator : -accumulator;
            return true;
        }

        /// <summary>Parses an already validated JSON number literal with a fraction or exponent.</summary>
        public static double ParseReal(string text)
        {
#if NANOFRAMEWORK_1_0
            return double.Parse(text);
#else
            return double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture);
#endif
        }

        /// <summary>Decimal text of an integer, '-' for negatives, no grouping.</summary>
        public static string FormatInteger(long value)
        {
#if NANOFRAMEWORK_1_0
            return value.ToString();
#else
            return value.ToString(CultureInfo.InvariantCulture);
#endif
        }

        /// <summary>Shortest round-trip text for a finite double, with '.' as the decimal separator.</summary>
        public static string FormatReal(double value)
        {
            if (double.IsNaN(value) || double.IsInfinity(value))
            {
                throw new ArgumentException("JSON has no NaN or infinity");
            }

#if NANOFRAMEWORK_1_0
            return value.ToString();
#else
            return value.ToString("R", CultureInfo.InvariantCulture);
#endif
        }
    }
}
