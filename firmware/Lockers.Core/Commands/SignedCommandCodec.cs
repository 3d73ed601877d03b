using Lockers.Core.Json;
using Lockers.Core.Protocol;

namespace Lockers.Core.Commands
{
    /// <summary>The JSON envelope of <see cref="SignedCommand"/> and the rules every command must meet.</summary>
    internal static class SignedCommandCodec
    {
        /// <summary>Longest reader id and message text accepted.</summary>
        public const int MaxReaderLength = 64;

        /// <summary>Longest message text accepted (a small display).</summary>
        public const int MaxTextLength = 256;

        public static byte[] Write(SignedCommand command)
        {
            var writer = new JsonWriter();
            writer.BeginObject()
                .Field(Fields.Locker, command.LockerId)
                .Field(Fields.Id, command.CommandId)
                .Field(Fields.Counter, command.Counter)
                .Field(Fields.Expires, command.ExpiresAt)
                .Field(Fields.Action, command.Action);
            if (command.Compartment != 0)
            {
                writer.Field(Fields.Compartment, command.Compartment);
            }

            if (command.On)
            {
                writer.Field(Fields.On, true);
            }

            if (command.Reader.Length > 0)
            {
                writer.Field(Fields.Reader, command.Reader);
            }

            if (command.RetryAfterS != 0)
            {
                writer.Field(Fields.RetryAfterS, command.RetryAfterS);
            }

            if (command.Text.Length > 0)
            {
                writer.Field(Fields.Text, command.Text);
            }

            if (command.Entry != 0)
            {
                writer.Field(Fields.Entry, command.Entry);
            }

            if (command.Version != 0)
            {
                writer.Field(Fields.Version, command.Version).Field(Fields.Part, command.Part).Field(Fields.Parts, command.Parts);
            }

            if (command.Codes.Length > 0)
            {
                writer.Field(Fields.Codes, command.Codes);
            }

            return writer.Field(Fields.Signature, command.Signature).EndObject().ToUtf8();
        }

        public static SignedCommand Read(JsonObject json)
        {
            var command = new SignedCommand
            {
                LockerId = json.GetString(Fields.Locker),
                CommandId = json.GetString(Fields.Id),
                Counter = json.GetLong(Fields.Counter),
                ExpiresAt = json.GetLong(Fields.Expires),
                Action = json.GetString(Fields.Action),
                Compartment = json.GetInt(Fields.Compartment, 0),
                On = json.GetBool(Fields.On, false),
                Reader = json.GetString(Fields.Reader, ""),
                RetryAfterS = json.GetInt(Fields.RetryAfterS, 0),
                Text = json.GetString(Fields.Text, ""),
                Entry = json.GetLong(Fields.Entry, 0),
                Version = json.GetLong(Fields.Version, 0),
                Part = json.GetInt(Fields.Part, 0),
                Parts = json.GetInt(Fields.Parts, 0),
                Codes = json.GetString(Fields.Codes, ""),
                Signature = json.GetString(Fields.Signature),
            };
            string problem = Problem(command);
            if (problem.Length > 0)
            {
                throw new JsonException(problem);
            }

            return command;
        }

        /// <summary>"" when the command meets every rule, else "field 'x': what is wrong".</summary>
        public static string Problem(SignedCommand c)
        {
            if (!Topics.IsValidLockerId(c.LockerId))
            {
                return Bad(Fields.Locker, "not a valid locker id");
            }

            if (c.CommandId.Length == 0 || c.CommandId.Length > SignedCommand.MaxCommandIdLength || HasControl(c.CommandId))
            {
                return Bad(Fields.Id, "1 to 64 characters without control characters");
            }

            if (c.Counter < 1)
            {
                return Bad(Fields.Counter, "must be at least 1");
            }

            if (c.ExpiresAt < 0)
            {
                return Bad(Fields.Expires, "must not be negative");
            }

            if (!CommandActions.IsKnown(c.Action))
            {
                return Bad(Fields.Action, "unknown action");
            }

            return ArgumentProblem(c);
        }

        private static string ArgumentProblem(SignedCommand c)
        {
            int minCompartment = c.Action == CommandActions.Unlock ? 1 : 0;
            if (c.Compartment < minCompartment)
            {
                return Bad(Fields.Compartment, "must be at least " + minCompartment);
            }

            bool needsReader = c.Action == CommandActions.ShowMessage || c.Action == CommandActions.ShowMessageKey || c.Action == CommandActions.Deny;
            if (c.Reader.Length > MaxReaderLength || HasControl(c.Reader) || (needsReader && c.Reader.Length == 0))
            {
                return Bad(Fields.Reader, needsReader ? "required, up to 64 characters" : "up to 64 characters");
            }

            if (c.RetryAfterS < 0)
            {
                return Bad(Fields.RetryAfterS, "must not be negative");
            }

            if (c.Action == CommandActions.ShowMessageKey && c.RetryAfterS > SignedCommand.MaxRestS)
            {
                return Bad(Fields.RetryAfterS, "show_message_key: the resting time is at most " + SignedCommand.MaxRestS + " s");
            }

            if (c.Text.Length > MaxTextLength)
            {
                return Bad(Fields.Text, "longer than 256 characters");
            }

            if (c.Action == CommandActions.ShowMessageKey && c.Text.Length == 0)
            {
                return Bad(Fields.Text, "required: the message key");
            }

            if (c.Entry < 0)
            {
                return Bad(Fields.Entry, "must not be negative");
            }

            return SyncProblem(c);
        }

        // The cache part's arguments: required for sync_codes, and left at their defaults by every other action.
        private static string SyncProblem(SignedCommand c)
        {
            if (c.Action != CommandActions.SyncCodes)
            {
                if (c.Version != 0 || c.Part != 0 || c.Parts != 0) return Bad(Fields.Version, "only for sync_codes");
                return c.Codes == null || c.Codes.Length == 0 ? "" : Bad(Fields.Codes, "only for sync_codes");
            }

            if (c.Version < 1)
            {
                return Bad(Fields.Version, "must be at least 1");
            }

            if (c.Parts < 1 || c.Parts > CachedCodes.MaxParts)
            {
                return Bad(Fields.Parts, "must be 1.." + CachedCodes.MaxParts);
            }

            if (c.Part < 1 || c.Part > c.Parts)
            {
                return Bad(Fields.Part, "must be 1..parts");
            }

            string problem = CachedCodes.Problem(c.Codes);
            return problem.Length == 0 ? "" : Bad(Fields.Codes, problem);
        }

        private static string Bad(string field, string problem) => "field '" + field + "': " + problem;

        private static bool HasControl(string text)
        {
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < ' ' || text[i] == '\u007f')
                {
                    return true;
                }
            }

            return false;
        }
    }
}
