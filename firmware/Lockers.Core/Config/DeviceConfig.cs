using Lockers.Core.Texts;

namespace Lockers.Core.Config
{
    /// <summary>
    /// One locker controller's configuration: who it is, where its broker is, the key its commands are
    /// signed with and which board it runs on. The gateway's provisioning writes it; the firmware and the
    /// simulator read it with <see cref="DeviceConfigLoader"/>. Format: Config/README.md.
    /// </summary>
    public sealed class DeviceConfig
    {
        /// <summary>The only format version this code reads.</summary>
        public const int FormatVersion = 1;

        /// <summary>Default seconds of the MQTT keep-alive (the heartbeat).</summary>
        public const int DefaultHeartbeatS = 60;

        /// <summary>Default seconds between telemetry reports.</summary>
        public const int DefaultTelemetryS = 300;

        /// <summary>Creates a configuration; call <see cref="Validate"/> (the loader does) before using it.</summary>
        public DeviceConfig(
            string lockerId,
            string siteId,
            BrokerSettings broker,
            byte[] commandKey,
            string boardFile,
            int heartbeatS,
            int telemetryS,
            string keypadId,
            string scannerId,
            WifiSettings? wifi,
            string language = DisplayLanguages.English)
        {
            LockerId = lockerId;
            SiteId = siteId;
            Broker = broker;
            CommandKey = commandKey;
            BoardFile = boardFile;
            HeartbeatS = heartbeatS;
            TelemetryS = telemetryS;
            KeypadId = keypadId;
            ScannerId = scannerId;
            Wifi = wifi;
            Language = language;
        }

        /// <summary>The locker's id, unique in the network; the topic segment in <c>lockers/v1/&lt;lockerId&gt;/</c>.</summary>
        public string LockerId { get; }

        /// <summary>The site (address) the locker stands at; codes are unique per site.</summary>
        public string SiteId { get; }

        /// <summary>The MQTT broker and this locker's credentials.</summary>
        public BrokerSettings Broker { get; }

        /// <summary>The 32-byte HMAC-SHA256 key that signs this locker's commands. Secret.</summary>
        public byte[] CommandKey { get; }

        /// <summary>The board file's name (for example <c>devkit-4.json</c>), looked up in the boards folder or flash.</summary>
        public string BoardFile { get; }

        /// <summary>
        /// Seconds of the MQTT keep-alive, 5..3600: the locker's heartbeat. Without traffic for 1.5 times
        /// this, the broker declares the locker gone and publishes its retained "offline" last will.
        /// </summary>
        public int HeartbeatS { get; }

        /// <summary>Seconds between telemetry reports, 10..86400.</summary>
        public int TelemetryS { get; }

        /// <summary>The keypad's id, used by the gateway to throttle failed PINs per keypad; defaults to the locker id.</summary>
        public string KeypadId { get; }

        /// <summary>The QR scanner's id (the reader in its code_entered events); defaults to the locker id plus "-qr".</summary>
        public string ScannerId { get; }

        /// <summary>The Wi-Fi network (device only), or null when the device uses Ethernet or is simulated.</summary>
        public WifiSettings? Wifi { get; }

        /// <summary>
        /// The display's language (<see cref="DisplayLanguages"/>: en, ja, zh), the site's; provisioning writes it
        /// from the site definition. Defaults to English.
        /// </summary>
        public string Language { get; }

        /// <summary>Throws <see cref="DeviceConfigException"/> listing every problem; returns when the configuration is usable.</summary>
        public void Validate()
        {
            var problems = new System.Collections.ArrayList();
            DeviceConfigRules.Check(this, problems);
            DeviceConfigRules.ThrowIfAny(problems);
        }
    }
}
