using System;
using System.Collections;
using Lockers.Core.Json;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;

namespace Lockers.Core.Config
{
    /// <summary>
    /// Reads the device configuration file (format in Config/README.md). It reports every problem at once,
    /// each with the field's path, so a bad provisioning run is fixed in one go.
    /// </summary>
    public static class DeviceConfigLoader
    {
        /// <summary>Parses and validates <paramref name="json"/>; throws <see cref="DeviceConfigException"/> when it is refused.</summary>
        public static DeviceConfig Load(string json)
        {
            JsonObject root;
            try
            {
                root = JsonParser.ParseObject(json);
            }
            catch (JsonException e)
            {
                throw new DeviceConfigException(new string[] { "not valid JSON: " + e.Message });
            }

            var problems = new ArrayList();
            var fields = new ConfigFieldReader(problems);
            long format = fields.Integer(root, "", "format", -1);
            if (format != DeviceConfig.FormatVersion)
            {
                DeviceConfigRules.Report(problems, "format", "must be " + DeviceConfig.FormatVersion);
            }

            string lockerId = fields.Text(root, "", "lockerId", null);

            // The reader ids default from the locker id; without one, they default to a valid stand-in so the
            // refusal names the missing locker id only, not the readers as well.
            string readerBase = lockerId.Length > 0 ? lockerId : "locker";
            var config = new DeviceConfig(
                lockerId,
                fields.Text(root, "", "siteId", null),
                ReadBroker(root, fields),
                ReadCommandKey(root, fields, problems),
                fields.Text(root, "", "board", null),
                (int)fields.Integer(root, "", "heartbeatS", DeviceConfig.DefaultHeartbeatS),
                (int)fields.Integer(root, "", "telemetryS", DeviceConfig.DefaultTelemetryS),
                fields.Text(root, "", "keypadId", readerBase),
                fields.Text(root, "", "scannerId", DefaultScannerId(readerBase)),
                ReadWifi(root, fields),
                (int)fields.Integer(root, "", "answerS", DeviceConfig.DefaultAnswerS),
                (int)fields.Integer(root, "", "offlineAfterS", DeviceConfig.DefaultOfflineAfterS),
                fields.Text(root, "", "language", DisplayLanguages.English));
            DeviceConfigRules.Check(config, problems);
            DeviceConfigRules.ThrowIfAny(problems);
            return config;
        }

        private static string DefaultScannerId(string lockerId)
        {
            const string Suffix = "-qr";
            return lockerId.Length + Suffix.Length <= Topics.MaxLockerIdLength ? lockerId + Suffix : "qr";
        }

        private static BrokerSettings ReadBroker(JsonObject root, ConfigFieldReader fields)
        {
            JsonObject broker = fields.Section(root, "broker", true) ?? new JsonObject();
            bool tls = fields.Flag(broker, "broker.", "tls", false);
            string certFile = fields.Text(broker, "broker.", "certFile", "");
            return new BrokerSettings(
                fields.Text(broker, "broker.", "host", null),
                (int)fields.Integer(broker, "broker.", "port", tls ? BrokerSettings.DefaultTlsPort : BrokerSettings.DefaultPort),
                tls,
                fields.Text(broker, "broker.", "username", null),
                // A client certificate is the locker's credential: then no password is needed.
                fields.Text(broker, "broker.", "password", certFile.Length > 0 ? "" : null),
                fields.Text(broker, "broker.", "caFile", ""),
                certFile,
                fields.Text(broker, "broker.", "keyFile", ""));
        }

        private static WifiSettings? ReadWifi(JsonObject root, ConfigFieldReader fields)
        {
            JsonObject? wifi = fields.Section(root, "wifi", false);
            if (wifi == null)
            {
                return null;
            }

            return new WifiSettings(fields.Text(wifi, "wifi.", "ssid", null), fields.Text(wifi, "wifi.", "password", ""));
        }

        private static byte[] ReadCommandKey(JsonObject root, ConfigFieldReader fields, ArrayList problems)
        {
            string text = fields.Text(root, "", "commandKey", null);
            if (text.Length == 0)
            {
                return new byte[0];
            }

            try
            {
                return Convert.FromBase64String(text);
            }
            catch (Exception)
            {
                // The value is secret: never echo it into a log line.
                DeviceConfigRules.Report(problems, "commandKey", "not valid base64");
                return new byte[0];
            }
        }
    }
}
