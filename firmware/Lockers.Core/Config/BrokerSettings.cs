namespace Lockers.Core.Config
{
    /// <summary>Where and how the locker connects to its MQTT broker (the "broker" section of the device config).</summary>
    public sealed class BrokerSettings
    {
        /// <summary>The standard MQTT port without TLS.</summary>
        public const int DefaultPort = 1883;

        /// <summary>The standard MQTT port with TLS.</summary>
        public const int DefaultTlsPort = 8883;

        /// <summary>Creates broker settings; <see cref="DeviceConfigLoader"/> validates them.</summary>
        public BrokerSettings(string host, int port, bool tls, string username, string password)
        {
            Host = host;
            Port = port;
            Tls = tls;
            Username = username;
            Password = password;
        }

        /// <summary>Broker host name or IP address.</summary>
        public string Host { get; }

        /// <summary>TCP port, 1..65535 (default 1883, or 8883 with TLS).</summary>
        public int Port { get; }

        /// <summary>True to connect over TLS.</summary>
        public bool Tls { get; }

        /// <summary>This locker's own broker user name (each locker has its own credentials and ACL).</summary>
        public string Username { get; }

        /// <summary>This locker's broker password.</summary>
        public string Password { get; }
    }
}
