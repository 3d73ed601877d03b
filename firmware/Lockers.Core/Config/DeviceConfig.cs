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

        /// <summary>Default seconds a code entry waits for its answer: the display's timeout, while the person is still there.</summary>
        public const int DefaultAnswerS = 10;

        /// <summary>Default seconds a code entry waits for the gateway before the locker checks it against its offline cache.</summary>
        public const int DefaultOfflineAfterS = 3;

        /// <summary>Creates a configuration with the default answer window and offline bound; call <see cref="Validate"/> before using it.</summary>
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
            : this(lockerId, siteId, broker, commandKey, boardFile, heartbeatS, telemetryS, keypadId, scannerId, wifi,
                DefaultAnswerS, DefaultOfflineAfterS, language)
        {
        }

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
            int answerS,
            int offlineAfterS,
            string language = DisplayLanguages.English)
        {
            AnswerS = answerS;
            OfflineAfterS = offlineAfterS;
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

        /// <summary>
        /// Seconds a code entry waits for its answer, 3..120: the display's timeout, the time the person is taken to still
        /// be at the locker. Past it the display says the answer came too late, and no command naming the entry runs.
        /// </summary>
        public int AnswerS { get; }

        /// <summary>
        /// Seconds a code entry waits for the gateway before the locker checks it against its offline cache, 1..AnswerS-1
        /// (at once when the link is down).
        /// </summary>
        public int OfflineAfterS { get; }

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
