using System;
using Lockers.Core.Json;

namespace Lockers.Core.Config
{
    /// <summary>Writes a device configuration in the format <see cref="DeviceConfigLoader"/> reads (provisioning, the simulator's fleet).</summary>
    public static class DeviceConfigWriter
    {
        /// <summary>The configuration as compact JSON, every field written (the key in base64).</summary>
        public static string ToJson(DeviceConfig config)
        {
            var json = new JsonWriter();
            json.BeginObject()
                .Field("format", DeviceConfig.FormatVersion)
                .Field("lockerId", config.LockerId)
                .Field("siteId", config.SiteId)
                .Field("keypadId", config.KeypadId)
                .Field("scannerId", config.ScannerId)
                .Field("board", config.BoardFile)
                .Field("commandKey", Convert.ToBase64String(config.CommandKey))
                .Field("heartbeatS", config.HeartbeatS)
                .Field("telemetryS", config.TelemetryS)
                .Field("answerS", config.AnswerS)
                .Field("offlineAfterS", config.OfflineAfterS)
                .Field("language", config.Language);
            json.Name("broker").BeginObject()
                .Field("host", config.Broker.Host)
                .Field("port", config.Broker.Port)
                .Field("tls", config.Broker.Tls)
                .Field("username", config.Broker.Username);
            WriteIfSet(json, "password", config.Broker.Password);
            WriteIfSet(json, "caFile", config.Broker.CaFile);
            WriteIfSet(json, "certFile", config.Broker.CertFile);
            WriteIfSet(json, "keyFile", config.Broker.KeyFile);
            json.EndObject();
            if (config.Wifi != null)
            {
                json.Name("wifi").BeginObject()
                    .Field("ssid", config.Wifi.Ssid)
                    .Field("password", config.Wifi.Password)
                    .EndObject();
            }

            json.EndObject();
            return json.ToString();
        }

        private static void WriteIfSet(JsonWriter json, string name, string value)
        {
            if (value != null && value.Length > 0)
            {
                json.Field(name, value);
            }
        }
    }
}
