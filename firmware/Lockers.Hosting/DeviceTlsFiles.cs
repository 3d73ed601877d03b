using System.Security.Cryptography.X509Certificates;
using Lockers.Core.Config;
using Lockers.Mqtt.Channel;

namespace Lockers.Hosting;

/// <summary>
/// The TLS settings a device config asks for, read from the files it names (<c>broker.caFile</c>, <c>certFile</c>,
/// <c>keyFile</c>), which lie in the config's own folder, as they lie on <c>I:\</c> beside locker.json on the device.
/// </summary>
public static class DeviceTlsFiles
{
    /// <summary>Null for a plain connection; otherwise the CA (or the system store when none is named) and the client certificate.</summary>
    public static MqttTlsOptions? Load(BrokerSettings broker, string? configDirectory)
    {
        if (!broker.Tls)
        {
            return null;
        }

        if (configDirectory is null && (broker.CaFile.Length > 0 || broker.HasClientCertificate))
        {
            throw new InvalidOperationException("the device config names TLS files, but the simulated locker was given no config folder to find them in");
        }

        return new MqttTlsOptions
        {
            CaCertificate = broker.CaFile.Length > 0 ? X509CertificateLoader.LoadCertificateFromFile(Path.Combine(configDirectory!, broker.CaFile)) : null,
            ClientCertificate = broker.HasClientCertificate
                ? X509Certificate2.CreateFromPemFile(Path.Combine(configDirectory!, broker.CertFile), Path.Combine(configDirectory!, broker.KeyFile))
                : null,
        };
    }
}
