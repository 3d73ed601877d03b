namespace Lockers.Core.Config
{
    /// <summary>Where and how the locker connects to its MQTT broker (the "broker" section of the device config).</summary>
    public sealed class BrokerSettings
    {
        /// <summary>The standard MQTT port without TLS.</summary>
        public const int DefaultPort = 1883;

        /// <summary>The standard MQTT port with TLS.</summary>
        public const int DefaultTlsPort = 8883;

        /// <summary>Creates password-only broker settings (no certificate files); <see cref="DeviceConfigLoader"/> validates them.</summary>
        public BrokerSettings(string host, int port, bool tls, string username, string password)
            : this(host, port, tls, username, password, "", "", "")
        {
        }

        /// <summary>
        /// Creates broker settings with TLS credential files (bare file names next to the device config, "" for none);
        /// <see cref="DeviceConfigLoader"/> validates them.
        /// </summary>
        public BrokerSettings(string host, int port, bool tls, string username, string password, string caFile, string certFile, string keyFile)
        {
            Host = host;
            Port = port;
            Tls = tls;
            Username = username;
            Password = password;
            CaFile = caFile;
            CertFile = certFile;
            KeyFile = keyFile;
        }

        /// <summary>Broker host name or IP address.</summary>
        public string Host { get; }

        /// <summary>TCP port, 1..65535 (default 1883, or 8883 with TLS).</summary>
        public int Port { get; }

        /// <summary>True to connect over TLS.</summary>
        public bool Tls { get; }

        /// <summary>This locker's own broker user name (each locker has its own credentials and ACL).</summary>
        public string Username { get; }

        /// <summary>This locker's broker password; "" when it logs in with its client certificate (<see cref="CertFile"/>).</summary>
        public string Password { get; }

        /// <summary>
        /// File name (next to the device config: the same folder, or <c>I:\</c> on the device) of the PEM certificate of
        /// the CA that signed the broker's certificate; "" trusts the host's own store.
        /// </summary>
        public string CaFile { get; }

        /// <summary>
        /// File name of this locker's PEM client certificate, whose common name is the locker id: with a broker that takes
        /// the certificate's identity as user name and client id, it is the locker's only broker credential. "" for none.
        /// </summary>
        public string CertFile { get; }

        /// <summary>File name of the PEM private key of <see cref="CertFile"/> (unencrypted, readable by the firmware only). "" for none.</summary>
        public string KeyFile { get; }

        /// <summary>True when the locker presents a client certificate.</summary>
        public bool HasClientCertificate
        {
            get { return CertFile != null && CertFile.Length > 0; }
        }
    }
}
