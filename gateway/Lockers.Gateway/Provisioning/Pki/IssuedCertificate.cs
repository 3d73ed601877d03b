namespace Lockers.Gateway.Provisioning.Pki;

/// <summary>What a certificate is for: the broker's listener, or a client (a locker or the gateway) proving its identity.</summary>
public enum CertificateKind
{
    Server,
    Locker,
    Gateway,
}

/// <summary>
/// A certificate the deployment CA issued. <see cref="Serial"/> is upper-case hex, as the revocation list and
/// <c>openssl x509 -serial</c> show it; <see cref="KeyPem"/> is the new private key (PKCS#8 PEM), never stored by the CA.
/// </summary>
public sealed record IssuedCertificate(
    string Serial, string Identity, CertificateKind Kind, DateTimeOffset NotAfter, DateTimeOffset IssuedAt, string CertificatePem, string KeyPem);
