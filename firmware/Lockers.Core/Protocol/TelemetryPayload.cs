using Lockers.Core.Json;

namespace Lockers.Core.Protocol
{
    /// <summary>
    /// Periodic health figures on the telemetry channel (QoS 0, not journaled: a lost sample is
    /// replaced by the next). Figures the board cannot measure are <see cref="Unknown"/> (or NaN for
    /// the temperature) and are left out of the JSON.
    /// </summary>
    public sealed class TelemetryPayload
    {
        /// <summary>Marks an integer figure the board cannot measure.</summary>
        public const int Unknown = int.MinValue;

        /// <summary>Milliseconds since boot.</summary>
        public long UptimeMs { get; set; }

        /// <summary>Free managed memory in bytes.</summary>
        public long FreeMemoryBytes { get; set; }

        /// <summary>Signal strength in dBm, or <see cref="Unknown"/>.</summary>
        public int SignalDbm { get; set; } = Unknown;

        /// <summary>Supply voltage in millivolts, or <see cref="Unknown"/>.</summary>
        public int SupplyMv { get; set; } = Unknown;

        /// <summary>Board temperature in °C, or NaN when unknown.</summary>
        public double TemperatureC { get; set; } = double.NaN;

        /// <summary>Firmware version.</summary>
        public string Firmware { get; set; } = "";

        /// <summary>Events waiting in the journal.</summary>
        public int JournalDepth { get; set; }

        /// <summary>Events dropped by a full journal since the locker was installed.</summary>
        public long DroppedEvents { get; set; }

        /// <summary>Compact UTF-8 JSON.</summary>
        public byte[] ToJson() => ToJson(new JsonWriter());

        /// <summary>As <see cref="ToJson()"/>, built in <paramref name="writer"/> (cleared first) so a caller that sends many reuses one buffer.</summary>
        public byte[] ToJson(JsonWriter writer)
        {
            writer.Clear();
            writer.BeginObject()
                .Field(Fields.UptimeMs, UptimeMs)
                .Field(Fields.FreeMemory, FreeMemoryBytes);
            if (SignalDbm != Unknown)
            {
                writer.Field(Fields.SignalDbm, SignalDbm);
            }

            if (SupplyMv != Unknown)
            {
                writer.Field(Fields.SupplyMv, SupplyMv);
            }

            if (!double.IsNaN(TemperatureC))
            {
                writer.Field(Fields.TemperatureC, TemperatureC);
            }

            return writer.Field(Fields.Firmware, Firmware)
                .Field(Fields.Journal, JournalDepth)
                .Field(Fields.Dropped, DroppedEvents)
                .EndObject()
                .ToUtf8();
        }

        /// <summary>Reads telemetry; throws <see cref="JsonException"/> naming the bad field.</summary>
        public static TelemetryPayload Parse(byte[] utf8)
        {
            JsonObject json = JsonParser.ParseObjectUtf8(utf8);
            var telemetry = new TelemetryPayload
            {
                UptimeMs = json.GetLong(Fields.UptimeMs),
                FreeMemoryBytes = json.GetLong(Fields.FreeMemory),
                SignalDbm = json.GetInt(Fields.SignalDbm, Unknown),
                SupplyMv = json.GetInt(Fields.SupplyMv, Unknown),
                TemperatureC = json.GetDouble(Fields.TemperatureC, double.NaN),
                Firmware = json.GetString(Fields.Firmware),
                JournalDepth = json.GetInt(Fields.Journal),
                DroppedEvents = json.GetLong(Fields.Dropped),
            };
            PayloadRules.Require(telemetry.UptimeMs >= 0, Fields.UptimeMs, "must not be negative");
            PayloadRules.Require(telemetry.JournalDepth >= 0, Fields.Journal, "must not be negative");
            PayloadRules.Require(telemetry.DroppedEvents >= 0, Fields.Dropped, "must not be negative");
            return telemetry;
        }
    }
}
