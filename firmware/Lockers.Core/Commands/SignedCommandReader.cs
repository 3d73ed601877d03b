using System.Text;
using Lockers.Core.Protocol;

namespace Lockers.Core.Commands
{
    /// <summary>
    /// Reads the usual command straight from its UTF-8 bytes: field names are compared with the protocol's
    /// names in place, numbers are read digit by digit, and the only strings made are the values kept (the
    /// action is the protocol's own constant). It gives up (null) on anything out of the ordinary: a field it
    /// does not know, an escape, a character outside printable ASCII, null, a negative or very long number,
    /// a value of another type, a duplicate, a missing field, a command that breaks a rule, and every syntax
    /// error. <see cref="SignedCommand.Parse"/> then runs the general parser, which refuses or accepts exactly
    /// as before and words the error; so this reader only has to be right about what it accepts.
    /// </summary>
    internal static class SignedCommandReader
    {
        // Bit positions of the fields, in the order of Names.
        private const int Locker = 0;
        private const int Id = 1;
        private const int Counter = 2;
        private const int Expires = 3;
        private const int Action = 4;
        private const int Compartment = 5;
        private const int On = 6;
        private const int Reader = 7;
        private const int RetryAfterS = 8;
        private const int Text = 9;
        private const int Signature = 10;
        private const int Entry = 11;
        private const int Version = 12;
        private const int Part = 13;
        private const int Parts = 14;
        private const int Codes = 15;

        private const int Required = (1 << Locker) | (1 << Id) | (1 << Counter) | (1 << Expires) | (1 << Action) | (1 << Signature);

        // Longest number read here: 18 digits always fit in a long.
        private const int MaxDigits = 18;

        private static readonly string[] Names =
        {
            Fields.Locker, Fields.Id, Fields.Counter, Fields.Expires, Fields.Action, Fields.Compartment,
            Fields.On, Fields.Reader, Fields.RetryAfterS, Fields.Text, Fields.Signature, Fields.Entry, Fields.Version,
            Fields.Part, Fields.Parts, Fields.Codes,
        };

        private static readonly string[] Actions =
        {
            CommandActions.Unlock, CommandActions.OutOfService, CommandActions.ShowMessage, CommandActions.ShowMessageKey, CommandActions.Deny, CommandActions.SyncCodes,
        };

        /// <summary>The command, or null when the general parser has to decide.</summary>
        public static SignedCommand? TryRead(byte[] utf8)
        {
            if (utf8 == null) return null;
            int at = SkipWhitespace(utf8, 0);
            if (at == utf8.Length || utf8[at] != '{') return null;
            var command = new SignedCommand();
            int seen = 0;
            do
            {
                // At the '{' or the ',' before a field.
                at = SkipWhitespace(utf8, at + 1);
                if (at == utf8.Length || utf8[at] != '"') return null;
                int nameEnd = PlainStringEnd(utf8, at + 1);
                int field = nameEnd < 0 ? -1 : FieldNamed(utf8, at + 1, nameEnd);
                if (field < 0 || (seen & (1 << field)) != 0) return null;
                seen |= 1 << field;
                at = SkipWhitespace(utf8, nameEnd + 1);
                if (at == utf8.Length || utf8[at] != ':') return null;
                at = ReadValue(utf8, SkipWhitespace(utf8, at + 1), field, command);
                if (at < 0) return null;
                at = SkipWhitespace(utf8, at);
                if (at == utf8.Length) return null;
            }
            while (utf8[at] == ',');

            if (utf8[at] != '}' || SkipWhitespace(utf8, at + 1) != utf8.Length || (seen & Required) != Required) return null;
            return SignedCommandCodec.Problem(command).Length == 0 ? command : null;
        }

        /// <summary>Reads the value at <paramref name="at"/> into the command; the index after it, or -1.</summary>
        private static int ReadValue(byte[] utf8, int at, int field, SignedCommand command)
        {
            long number;
            switch (field)
            {
                case Counter:
                    at = ReadInteger(utf8, at, out number);
                    command.Counter = number;
                    return at;
                case Expires:
                    at = ReadInteger(utf8, at, out number);
                    command.ExpiresAt = number;
                    return at;
                case Compartment:
                    at = ReadInteger(utf8, at, out number);
                    command.Compartment = (int)number;
                    return number > int.MaxValue ? -1 : at;
                case RetryAfterS:
                    at = ReadInteger(utf8, at, out number);
                    command.RetryAfterS = (int)number;
                    return number > int.MaxValue ? -1 : at;
                case Entry:
                    at = ReadInteger(utf8, at, out number);
                    command.Entry = number;
                    return at;
                case Version:
                    at = ReadInteger(utf8, at, out number);
                    command.Version = number;
                    return at;
                case Part:
                    at = ReadInteger(utf8, at, out number);
                    command.Part = (int)number;
                    return number > int.MaxValue ? -1 : at;
                case Parts:
                    at = ReadInteger(utf8, at, out number);
                    command.Parts = (int)number;
                    return number > int.MaxValue ? -1 : at;
                case On:
                    if (Matches(utf8, at, "true"))
                    {
                        command.On = true;
                        return at + 4;
                    }

                    return Matches(utf8, at, "false") ? at + 5 : -1;
                default:
                    return ReadString(utf8, at, field, command);
            }
        }

        private static int ReadString(byte[] utf8, int at, int field, SignedCommand command)
        {
            if (at == utf8.Length || utf8[at] != '"') return -1;
            int start = at + 1;
            int end = PlainStringEnd(utf8, start);
            if (end < 0) return -1;
            if (field == Action)
            {
                // Always one of the constants: an unknown action breaks a rule anyway.
                int known = IndexOf(Actions, utf8, start, end);
                if (known < 0) return -1;
                command.Action = Actions[known];
                return end + 1;
            }

            string value = end == start ? "" : Encoding.UTF8.GetString(utf8, start, end - start);
            switch (field)
            {
                case Locker: command.LockerId = value; break;
                case Id: command.CommandId = value; break;
                case Reader: command.Reader = value; break;
                case Text: command.Text = value; break;
                case Codes: command.Codes = value; break;
                default: command.Signature = value; break;
            }

            return end + 1;
        }

        /// <summary>
        /// The index of the closing quote of the string whose content starts at <paramref name="start"/>, or -1
        /// unless every byte before it is printable ASCII and not a backslash (so the bytes are the characters).
        /// </summary>
        private static int PlainStringEnd(byte[] utf8, int start)
        {
            for (int i = start; i < utf8.Length; i++)
            {
                byte b = utf8[i];
                if (b == '"') return i;
                if (b < 0x20 || b > 0x7E || b == '\\') return -1;
            }

            return -1;
        }

        /// <summary>1 to 18 digits without a leading zero; the index after them, or -1. A '-', '.' or exponent is left to the general parser.</summary>
        private static int ReadInteger(byte[] utf8, int at, out long value)
        {
            value = 0;
            int start = at;
            while (at < utf8.Length && utf8[at] >= '0' && utf8[at] <= '9')
            {
                if (at - start == MaxDigits) return -1;
                value = value * 10 + (utf8[at] - '0');
                at++;
            }

            if (at == start || (utf8[start] == '0' && at - start > 1)) return -1;
            return at;
        }

        private static int FieldNamed(byte[] utf8, int start, int end) => IndexOf(Names, utf8, start, end);

        private static int IndexOf(string[] names, byte[] utf8, int start, int end)
        {
            for (int i = 0; i < names.Length; i++)
            {
                if (names[i].Length == end - start && Matches(utf8, start, names[i])) return i;
            }

            return -1;
        }

        // True when the ASCII text appears at `at`.
        private static bool Matches(byte[] utf8, int at, string text)
        {
            if (at + text.Length > utf8.Length) return false;
            for (int i = 0; i < text.Length; i++)
            {
                if (utf8[at + i] != text[i]) return false;
            }

            return true;
        }

        // JSON whitespace, as the general parser skips it.
        private static int SkipWhitespace(byte[] utf8, int at)
        {
            while (at < utf8.Length && (utf8[at] == ' ' || utf8[at] == '\t' || utf8[at] == '\n' || utf8[at] == '\r')) at++;
            return at;
        }
    }
}
