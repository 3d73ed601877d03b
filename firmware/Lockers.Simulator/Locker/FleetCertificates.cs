using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Lockers.Simulator.Locker;

/// <summary>
/// Client certificates for a load-test fleet, issued in process from a CA folder (<c>ca.crt</c> and <c>ca.key</c>, as
/// <c>Lockers.Gateway ca init</c> makes them): one per locker, common name = the locker id, so a broker with
/// <c>use_identity_as_username</c> gives each simulated locker its own identity, as provisioned lockers have (ADR 0203).
/// They are throw-away: short-lived, recorded nowhere, so <c>locker revoke</c> cannot find them. That is why the
/// simulator issues them itself instead of asking the gateway's deployment CA to (which keeps every certificate it issues
/// for revocation), and why a load test should use a CA of its own, never the deployment's.
/// </summary>
public sealed class FleetCertificates : IDisposable
{
    /// <summary>How long an issued certificate is valid (from five minutes before it is issued): a run, not a deployment.</summary>
    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(7);

    private const string CertificateFileName = "ca.crt";
    private const string KeyFileName = "ca.key";

    private readonly X509Certificate2 _ca;
    private readonly TimeProvider _time;
    private readonly TimeSpan _lifetime;

    private FleetCertificates(X509Certificate2 ca, TimeProvider time, TimeSpan lifetime)
    {
        _ca = ca;
        _time = time;
        _lifetime = lifetime;
        CaCertificatePem = ca.ExportCertificatePem();
    }

    /// <summary>The CA certificate (public part), which every locker gets as its <c>ca.crt</c>.</summary>
    public string CaCertificatePem { get; }

    /// <summary>
    /// Opens the CA in <paramref name="directory"/>. Throws <see cref="ArgumentException"/> naming the file when one is missing,
    /// unreadable, not a CA certificate, or not the key of the certificate.
    /// </summary>
    public static FleetCertificates Open(string directory, TimeProvider? time = null, TimeSpan? lifetime = null)
    {
        var certificatePath = Path.Combine(directory, CertificateFileName);
        var keyPath = Path.Combine(directory, KeyFileName);
        foreach (var path in new[] { certificatePath, keyPath })
        {
            if (!File.Exists(path))
            {
                throw new ArgumentException($"no {Path.GetFileName(path)} in '{directory}': a CA folder holds ca.crt and ca.key " +
                                            "(make a load-test CA with 'Lockers.Gateway ca init')");
            }
        }

        var ca = Load(certificatePath, keyPath);
        if (ca.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            ca.Dispose();
            throw new ArgumentException($"'{certificatePath}' is not a CA certificate (no basic constraints CA:true)");
        }

        return new FleetCertificates(ca, time ?? TimeProvider.System, lifetime ?? DefaultLifetime);
    }

    /// <summary>A new key and a client certificate for <paramref name="lockerId"/>, as PEM (certificate, PKCS#8 key).</summary>
    public (string CertificatePem, string KeyPem) Issue(string lockerId)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName("CN=" + lockerId), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], false)); // clientAuth
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, true, false));

        // Five minutes of slack for a broker clock a little behind, within the CA's own validity (a chain is only as valid
        // as its root, and .NET refuses to issue outside it).
        var now = _time.GetUtcNow();
        var caNotBefore = new DateTimeOffset(_ca.NotBefore.ToUniversalTime());
        var caNotAfter = new DateTimeOffset(_ca.NotAfter.ToUniversalTime());
        var notBefore = now.AddMinutes(-5) > caNotBefore ? now.AddMinutes(-5) : caNotBefore;
        var notAfter = now + _lifetime < caNotAfter ? now + _lifetime : caNotAfter;
        if (notAfter <= now)
        {
            throw new ArgumentException($"the CA expired on {caNotAfter:yyyy-MM-dd}: make a new one");
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01); // positive and 16 bytes long
        using var certificate = request.Create(_ca, notBefore, notAfter, serial);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <inheritdoc />
    public void Dispose() => _ca.Dispose();

    private static X509Certificate2 Load(string certificatePath, string keyPath)
    {
        try
        {
            return X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
        }
        catch (Exception error) when (error is CryptographicException or ArgumentException or IOException or UnauthorizedAccessException)
        {
            // .NET says ArgumentException when the key is another certificate's, CryptographicException when a file is not PEM.
            throw new ArgumentException($"'{certificatePath}' with its key '{keyPath}' cannot be read: {error.Message}", error);
        }
    }
}
