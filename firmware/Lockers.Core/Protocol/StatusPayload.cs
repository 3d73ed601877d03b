using Lockers.Core.Json;

namespace Lockers.Core.Protocol
{
    /// <summary>
    /// The retained status message: birth <c>{"state":"online","fw":"0.1.0","boot":7}</c> published on
    /// connect, last will <c>{"state":"offline"}</c> registered with the broker at connect, and
    /// <c>{"state":"offline","fault":"..."}</c> from a locker that cannot run (a refused board file, say) but can still
    /// reach the broker: it stays offline, every door locked, and says why.
    /// </summary>
    public sealed class StatusPayload
    {
        /// <summary>"online" or "offline" (see <see cref="StatusStates"/>).</summary>
        public string State { get; set; } = StatusStates.Offline;

        /// <summary>Firmware version; "" in the offline message.</summary>
        public string Firmware { get; set; } = "";

        /// <summary>Boot counter; 0 in the offline message.</summary>
        public long BootCount { get; set; }

        /// <summary>Offline only: why the locker cannot run (the file and what is wrong with it); "" when it is not at fault.</summary>
        public string Fault { get; set; } = "";

        /// <summary>The birth message.</summary>
        public static StatusPayload Online(string firmware, long bootCount)
        {
            return new StatusPayload { State = StatusStates.Online, Firmware = firmware, BootCount = bootCount };
        }

        /// <summary>The last-will message.</summary>
        public static StatusPayload Offline() => new StatusPayload { State = StatusStates.Offline };

        /// <summary>Offline because the locker cannot run: <paramref name="fault"/> names the file and what is wrong.</summary>
        public static StatusPayload Faulted(string fault) => new StatusPayload { State = StatusStates.Offline, Fault = fault };

        /// <summary>Compact UTF-8 JSON; fw and boot only when online.</summary>
        public byte[] ToJson()
        {
            var writer = new JsonWriter();
            writer.BeginObject().Field(Fields.State, State);
            if (State == StatusStates.Online)
            {
                writer.Field(Fields.Firmware, Firmware).Field(Fields.Boot, BootCount);
            }
            else if (Fault.Length > 0)
            {
                writer.Field(Fields.Fault, Fault);
            }

            return writer.EndObject().ToUtf8();
        }

        /// <summary>Reads a status message; throws <see cref="JsonException"/> naming the bad field.</summary>
        public static StatusPayload Parse(byte[] utf8)
        {
            JsonObject json = JsonParser.ParseObjectUtf8(utf8);
            string state = json.GetString(Fields.State);
            if (state == StatusStates.Offline)
            {
                return Faulted(json.GetString(Fields.Fault, ""));
            }

            if (state != StatusStates.Online)
            {
                throw new JsonException("field 'state': expected \"online\" or \"offline\"");
            }

            return Online(json.GetString(Fields.Firmware), json.GetLong(Fields.Boot));
        }
    }
}
