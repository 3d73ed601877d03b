using System.Collections;
using Lockers.Core.Protocol;
using Lockers.Core.Texts;

namespace Lockers.Core.Config
{
    /// <summary>The value rules of the device configuration. Each broken rule adds one "path: problem" line.</summary>
    internal static class DeviceConfigRules
    {
        public const int CommandKeyBytes = 32;

        public static void Check(DeviceConfig config, ArrayList problems)
        {
            CheckId("lockerId", config.LockerId, problems);
            CheckId("siteId", config.SiteId, problems);
            CheckId("keypadId", config.KeypadId, problems);
            CheckId("scannerId", config.ScannerId, problems);
            if (config.ScannerId == config.KeypadId)
            {
                Report(problems, "scannerId", "must differ from keypadId (the gateway throttles each reader on its own)");
            }

            CheckBroker(config.Broker, problems);
            if (config.CommandKey == null || config.CommandKey.Length != CommandKeyBytes)
            {
                Report(problems, "commandKey", "must be " + CommandKeyBytes + " bytes (base64)");
            }

            CheckBoardFile(config.BoardFile, problems);
            CheckRange("heartbeatS", config.HeartbeatS, 5, 3600, problems);
            CheckRange("telemetryS", config.TelemetryS, 10, 86400, problems);
            CheckRange("answerS", config.AnswerS, 3, 120, problems);
            CheckRange("offlineAfterS", config.OfflineAfterS, 1, config.AnswerS > 3 ? config.AnswerS - 1 : 2, problems);
            if (config.Wifi != null)
            {
                CheckWifi(config.Wifi, problems);
            }

            if (!DisplayLanguages.IsKnown(config.Language))
            {
                Report(problems, "language", "must be en, ja or zh (is '" + config.Language + "')");
            }
        }

        public static void ThrowIfAny(ArrayList problems)
        {
            if (problems.Count == 0)
            {
                return;
            }

            var lines = new string[problems.Count];
            for (int i = 0; i < lines.Length; i++)
            {
                lines[i] = (string)problems[i]!;
            }

            throw new DeviceConfigException(lines);
        }

        /// <summary>
        /// Adds "path: text" unless that path, or a section containing it, already has a problem: a missing
        /// field or section is reported once, not again by every rule that reads it.
        /// </summary>
        public static void Report(ArrayList problems, string path, string text)
        {
            string head = path + ":";
            for (int i = 0; i < problems.Count; i++)
            {
                string line = (string)problems[i]!;
                string linePath = line.Substring(0, line.IndexOf(':'));
                if (line.StartsWith(head) || path.StartsWith(linePath + "."))
                {
                    return;
                }
            }

            problems.Add(head + " " + text);
        }

        private static void CheckBroker(BrokerSettings broker, ArrayList problems)
        {
            if (broker == null)
            {
                Report(problems, "broker", "missing");
                return;
            }

            if (broker.Host == null || broker.Host.Length == 0 || broker.Host.IndexOf(' ') >= 0)
            {
                Report(problems, "broker.host", "must be a host name or address");
            }

            CheckRange("broker.port", broker.Port, 1, 65535, problems);
            if (broker.Username == null || broker.Username.Length == 0)
            {
                Report(problems, "broker.username", "must not be empty (every locker has its own credentials)");
            }

            if (!broker.HasClientCertificate && (broker.Password == null || broker.Password.Length == 0))
            {
                Report(problems, "broker.password", "must not be empty (or give broker.certFile and broker.keyFile)");
            }

            CheckCredentialFiles(broker, problems);
        }

        // TLS credentials are files beside the config: bare names, so no path can reach outside that folder.
        private static void CheckCredentialFiles(BrokerSettings broker, ArrayList problems)
        {
            CheckFileName("broker.caFile", broker.CaFile, problems);
            CheckFileName("broker.certFile", broker.CertFile, problems);
            CheckFileName("broker.keyFile", broker.KeyFile, problems);
            bool hasKey = broker.KeyFile != null && broker.KeyFile.Length > 0;
            if (broker.HasClientCertificate != hasKey)
            {
                Report(problems, hasKey ? "broker.certFile" : "broker.keyFile", "broker.certFile and broker.keyFile go together");
            }

            bool anyFile = broker.HasClientCertificate || hasKey || (broker.CaFile != null && broker.CaFile.Length > 0);
            if (anyFile && !broker.Tls)
            {
                Report(problems, "broker.tls", "must be true when certificate files are given");
            }
        }

        private static void CheckFileName(string path, string name, ArrayList problems)
        {
            if (name != null && name.Length > 0 && (name.IndexOf('/') >= 0 || name.IndexOf('\\') >= 0 || name.StartsWith(".")))
            {
                Report(problems, path, "must be a file name without folders");
            }
        }

        private static void CheckWifi(WifiSettings wifi, ArrayList problems)
        {
            if (wifi.Ssid == null || wifi.Ssid.Length == 0 || wifi.Ssid.Length > 32)
            {
                Report(problems, "wifi.ssid", "must be 1..32 characters");
            }

            // WPA2 passphrases are 8..63 characters; empty means an open network.
            if (wifi.Password != null && wifi.Password.Length != 0 && (wifi.Password.Length < 8 || wifi.Password.Length > 63))
            {
                Report(problems, "wifi.password", "must be empty or 8..63 characters");
            }
        }

        private static void CheckBoardFile(string boardFile, ArrayList problems)
        {
            // A bare file name: the host decides the folder, so no path can escape it.
            if (boardFile == null || boardFile.Length == 0 || !boardFile.EndsWith(".json")
                || boardFile.IndexOf('/') >= 0 || boardFile.IndexOf('\\') >= 0 || boardFile.StartsWith("."))
            {
                Report(problems, "board", "must be a file name ending in .json, without folders");
            }
        }

        // Ids become MQTT topic segments, broker user names and storage keys: the protocol's one rule.
        private static void CheckId(string path, string id, ArrayList problems)
        {
            if (!Topics.IsValidLockerId(id))
            {
                Report(problems, path, "must be 1.." + Topics.MaxLockerIdLength + " of A-Z, a-z, 0-9, '-' and '_' ('" + id + "')");
            }
        }

        private static void CheckRange(string path, int value, int min, int max, ArrayList problems)
        {
            if (value < min || value > max)
            {
                Report(problems, path, "must be " + min + ".." + max + " (is " + value + ")");
            }
        }
    }
}
