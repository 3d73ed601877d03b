using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Lockers.Mqtt.Channel;

/// <summary>
/// TLS settings for a broker connection. The server certificate is always validated: against
/// <see cref="CaCertificate"/> when given (a private CA, as a site broker usually has), otherwise
/// against the operating system's trust store; the host name is checked unless
/// <see cref="CheckHostName"/> is turned off.
/// </summary>
public sealed class MqttTlsOptions
{
    /// <summary>
    /// The CA that must have issued the broker's certificate. When set, the system store is not
    /// consulted: only chains ending at this CA are accepted. Null (default) uses the system store.
    /// </summary>
    public X509Certificate2? CaCertificate { get; set; }

    /// <summary>
    /// The name the server certificate must carry (SAN or CN). Null (default) uses the host the
    /// client connects to. Useful when connecting by IP address to a broker certified by name.
    /// </summary>
    public string? TargetHost { get; set; }

    /// <summary>Whether the certificate's name must match <see cref="TargetHost"/>. Default true; turn off only in tests.</summary>
    public bool CheckHostName { get; set; } = true;

    /// <summary>Optional client certificate (with private key) for brokers that require mutual TLS.</summary>
    public X509Certificate2? ClientCertificate { get; set; }

    /// <summary>Allowed protocol versions. Default <see cref="SslProtocols.None"/> lets the OS choose (TLS 1.2/1.3).</summary>
    public SslProtocols Protocols { get; set; } = SslProtocols.None;
}
