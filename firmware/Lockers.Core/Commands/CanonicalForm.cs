using Lockers.Core.Json;

namespace Lockers.Core.Commands
{
    /// <summary>
    /// The UTF-8 of <see cref="SignedCommand.CanonicalText"/> written straight into one exact-size array: no
    /// text, no 21-piece concatenation, no second encoding pass (this runs for every command the locker checks).
    /// Every line is encoded on its own, which gives the bytes of the whole text because the lines are joined by
    /// LF: a surrogate pair can never straddle two of them.
    /// </summary>
    internal static class CanonicalForm
    {
        private const byte LineFeed = (byte)'\n';

        public static byte[] Encode(SignedCommand c)
        {
            // Fifteen separators between the sixteen lines.
            int length = 15 + Utf8Text.Count(SignedCommand.CanonicalTag)
                + Utf8Text.Count(OrEmpty(c.LockerId)) + Utf8Text.Count(OrEmpty(c.CommandId))
                + DecimalLength(c.Counter) + DecimalLength(c.ExpiresAt) + Utf8Text.Count(OrEmpty(c.Action))
                + DecimalLength(c.Compartment) + 1 + Utf8Text.Count(OrEmpty(c.Reader))
                + DecimalLength(c.RetryAfterS) + DecimalLength(c.Entry) + DecimalLength(c.Version) + DecimalLength(c.Part)
                + DecimalLength(c.Parts) + Utf8Text.Count(OrEmpty(c.Codes)) + Utf8Text.Count(OrEmpty(c.Text));
            var bytes = new byte[length];
            int at = Utf8Text.Write(SignedCommand.CanonicalTag, bytes, 0);
            at = Utf8Text.Write(OrEmpty(c.LockerId), bytes, NewLine(bytes, at));
            at = Utf8Text.Write(OrEmpty(c.CommandId), bytes, NewLine(bytes, at));
            at = WriteDecimal(c.Counter, bytes, NewLine(bytes, at));
            at = WriteDecimal(c.ExpiresAt, bytes, NewLine(bytes, at));
            at = Utf8Text.Write(OrEmpty(c.Action), bytes, NewLine(bytes, at));
            at = WriteDecimal(c.Compartment, bytes, NewLine(bytes, at));
            at = NewLine(bytes, at);
            bytes[at++] = c.On ? (byte)'1' : (byte)'0';
            at = Utf8Text.Write(OrEmpty(c.Reader), bytes, NewLine(bytes, at));
            at = WriteDecimal(c.RetryAfterS, bytes, NewLine(bytes, at));
            at = WriteDecimal(c.Entry, bytes, NewLine(bytes, at));
            at = WriteDecimal(c.Version, bytes, NewLine(bytes, at));
            at = WriteDecimal(c.Part, bytes, NewLine(bytes, at));
            at = WriteDecimal(c.Parts, bytes, NewLine(bytes, at));
            at = Utf8Text.Write(OrEmpty(c.Codes), bytes, NewLine(bytes, at));
            Utf8Text.Write(OrEmpty(c.Text), bytes, NewLine(bytes, at));
            return bytes;
        }

        // String concatenation, which the canonical text is defined by, reads null as "".
        private static string OrEmpty(string text) => text == null ? "" : text;

        private static int NewLine(byte[] bytes, int at)
        {
            bytes[at] = LineFeed;
            return at + 1;
        }

        // Plain decimal as JsonNumber.FormatInteger writes it: '-' for negatives, no grouping.
        private static int DecimalLength(long value)
        {
            int length = value < 0 ? 2 : 1;
            for (long rest = value / 10; rest != 0; rest /= 10) length++;
            return length;
        }

        private static int WriteDecimal(long value, byte[] bytes, int at)
        {
            int end = at + DecimalLength(value);
            if (value < 0)
            {
                bytes[at] = (byte)'-';
            }
            else
            {
                // Count down on the negative side: long.MinValue has no positive counterpart.
                value = -value;
            }

            int i = end - 1;
            do
            {
                bytes[i--] = (byte)('0' - (int)(value % 10));
                value /= 10;
            }
            while (value != 0);

            return end;
        }
    }
}
