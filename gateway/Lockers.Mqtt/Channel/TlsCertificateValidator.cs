using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Lockers.Mqtt.Channel;

/// <summary>Decides whether a broker's certificate is acceptable under <see cref="MqttTlsOptions"/>.</summary>
internal static class TlsCertificateValidator
{
    /// <summary>True when the certificate chains to the configured CA (or the system store) and, if asked, matches the host name.</summary>
    public static bool Validate(MqttTlsOptions options, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }

        if (options.CheckHostName && errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch))
        {
            return false;
        }

        if (options.CaCertificate is null)
        {
            // System trust store: the platform's chain verdict is the answer.
            return !errors.HasFlag(SslPolicyErrors.RemoteCertificateChainErrors);
        }

        return ChainsToCustomCa(options.CaCertificate, certificate, chain);
    }

    private static bool ChainsToCustomCa(X509Certificate2 ca, X509Certificate certificate, X509Chain? presented)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        // A private site CA rarely publishes revocation lists; expiry and signatures are still checked.
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }
}
