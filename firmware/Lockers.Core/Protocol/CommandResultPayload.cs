using Lockers.Core.Json;

namespace Lockers.Core.Protocol
{
    /// <summary>
    /// The answer to one command on the cmd/result channel: <c>{"id":"c-42","result":"ok"}</c>, or with
    /// a reason when refused (a <see cref="RefusalReasons"/> value) or failed (a failure reason of
    /// <see cref="CommandResults"/>).
    /// </summary>
    public sealed class CommandResultPayload
    {
        /// <summary>The command's id ("" when a refused command was too malformed to carry one).</summary>
        public string CommandId { get; set; } = "";

        /// <summary>One of <see cref="CommandResults.All"/>.</summary>
        public string Result { get; set; } = CommandResults.Ok;

        /// <summary>Why it was refused or failed; "" when ok.</summary>
        public string Reason { get; set; } = "";

        /// <summary>The command was carried out.</summary>
        public static CommandResultPayload Ok(string commandId) => new CommandResultPayload { CommandId = commandId };

        /// <summary>The command was refused without effect.</summary>
        public static CommandResultPayload Refused(string commandId, string reason)
        {
            return new CommandResultPayload { CommandId = commandId, Result = CommandResults.Refused, Reason = reason };
        }

        /// <summary>The command was attempted and failed.</summary>
        public static CommandResultPayload Failed(string commandId, string reason)
        {
            return new CommandResultPayload { CommandId = commandId, Result = CommandResults.Failed, Reason = reason };
        }

        /// <summary>Compact UTF-8 JSON; reason only when not ok.</summary>
        public byte[] ToJson() => ToJson(new JsonWriter());

        /// <summary>As <see cref="ToJson()"/>, built in <paramref name="writer"/> (cleared first) so a caller that sends many reuses one buffer.</summary>
        public byte[] ToJson(JsonWriter writer)
        {
            writer.Clear();
            writer.BeginObject().Field(Fields.Id, CommandId).Field(Fields.Result, Result);
            if (Result != CommandResults.Ok)
            {
                writer.Field(Fields.Reason, Reason);
            }

            return writer.EndObject().ToUtf8();
        }

        /// <summary>Reads a result; throws <see cref="JsonException"/> naming the bad field.</summary>
        public static CommandResultPayload Parse(byte[] utf8)
        {
            JsonObject json = JsonParser.ParseObjectUtf8(utf8);
            var payload = new CommandResultPayload
            {
                CommandId = json.GetString(Fields.Id),
                Result = json.GetString(Fields.Result),
                Reason = json.GetString(Fields.Reason, ""),
            };
            PayloadRules.Require(CommandResults.IsKnown(payload.Result), Fields.Result, "expected \"ok\", \"refused\" or \"failed\"");
            PayloadRules.Require(payload.Result == CommandResults.Ok || payload.Reason.Length > 0, Fields.Reason, "required unless ok");
            return payload;
        }
    }
}
