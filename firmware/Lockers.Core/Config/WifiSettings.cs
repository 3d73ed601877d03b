namespace Lockers.Core.Config
{
    /// <summary>The Wi-Fi network the device joins (the optional "wifi" section; the simulator ignores it).</summary>
    public sealed class WifiSettings
    {
        /// <summary>Creates Wi-Fi settings; <see cref="DeviceConfigLoader"/> validates them.</summary>
        public WifiSettings(string ssid, string password)
        {
            Ssid = ssid;
            Password = password;
        }

        /// <summary>Network name, 1..32 characters.</summary>
        public string Ssid { get; }

        /// <summary>WPA passphrase; empty for an open network.</summary>
        public string Password { get; }
    }
}
