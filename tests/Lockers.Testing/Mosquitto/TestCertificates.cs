using System.Collections.Concurrent;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Lockers.Testing.Mosquitto;

/// <summary>
/// A throw-away PKI made in process with <see cref="CertificateRequest"/> (ECDSA P-256): a CA, a server certificate it
/// signed (CN localhost, SAN DNS:localhost and IP:127.0.0.1, serverAuth), a client certificate (CN lockers-test-client),
/// client certificates for any identity on demand (<see cref="ClientCertificate"/>), a revocation list
/// (<see cref="RevokeAsync"/>) and an unrelated second CA for "wrong CA" tests. Files are PEM, in <see cref="Directory"/>,
/// laid out as the gateway's deployment CA folder expects (ca.crt, ca.key, crl.pem), so a gateway can be pointed at it.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private readonly X509Certificate2 _ca;
    private readonly ConcurrentDictionary<string, X509Certificate2> _clients = new(StringComparer.Ordinal);
    private readonly List<byte[]> _revoked = new();
    private BigInteger _crlNumber;

    private TestCertificates(string directory, X509Certificate2 ca)
    {
        Directory = directory;
        _ca = ca;
    }

    public string Directory { get; }

    public string CaCertificatePath => Path.Combine(Directory, "ca.crt");

    /// <summary>The CA's private key (PKCS#8 PEM): with ca.crt, what the gateway's <c>Pki:Directory</c> needs.</summary>
    public string CaKeyPath => Path.Combine(Directory, "ca.key");

    public string ServerCertificatePath => Path.Combine(Directory, "server.crt");

    public string ServerKeyPath => Path.Combine(Directory, "server.key");

    /// <summary>The CA's revocation list (PEM), empty until <see cref="RevokeAsync"/>; a broker's crlfile.</summary>
    public string CrlPath => Path.Combine(Directory, "crl.pem");

    /// <summary>A client certificate (CN lockers-test-client, clientAuth) signed by the CA, for mutual TLS.</summary>
    public string ClientCertificatePath => Path.Combine(Directory, "client.crt");

    public string ClientKeyPath => Path.Combine(Directory, "client.key");

    /// <summary>A CA that signed nothing here: a client trusting only it must refuse the server.</summary>
    public string OtherCaCertificatePath => Path.Combine(Directory, "other-ca.crt");

    /// <summary>The CA certificate (public part).</summary>
    public X509Certificate2 CaCertificate => X509CertificateLoader.LoadCertificate(_ca.RawData);

    /// <summary>Generates the files into <paramref name="directory"/> (created if missing).</summary>
    public static async Task<TestCertificates> CreateAsync(string directory)
    {
        System.IO.Directory.CreateDirectory(directory);
        var (ca, caKey) = MakeCa("Lockers Test CA");
        var pki = new TestCertificates(directory, ca);
        await File.WriteAllTextAsync(pki.CaCertificatePath, ca.ExportCertificatePem());
        await WriteSecretAsync(pki.CaKeyPath, caKey);
        var (other, _) = MakeCa("Lockers Other CA");
        await File.WriteAllTextAsync(pki.OtherCaCertificatePath, other.ExportCertificatePem());
        other.Dispose();

        using (var server = pki.Issue("localhost", serverAuth: true, ["localhost", "127.0.0.1"]))
        {
            await pki.WritePairAsync(server, pki.ServerCertificatePath, pki.ServerKeyPath);
        }

        using (var client = pki.Issue("lockers-test-client", serverAuth: false, null))
        {
            await pki.WritePairAsync(client, pki.ClientCertificatePath, pki.ClientKeyPath);
        }

        await pki.WriteCrlAsync();
        return pki;
    }

    /// <summary>
    /// A client certificate with private key whose common name is <paramref name="identity"/> (a broker with
    /// use_identity_as_username takes it as user name). One per identity, made on first use.
    /// </summary>
    public X509Certificate2 ClientCertificate(string identity) => _clients.GetOrAdd(identity, name => Issue(name, serverAuth: false, null));

    /// <summary>A new client certificate for <paramref name="identity"/>, never cached: a second credential of the same identity.</summary>
    public X509Certificate2 NewClientCertificate(string identity) => Issue(identity, serverAuth: false, null);

    /// <summary>Writes <paramref name="identity"/>'s certificate and key as PEM files into <paramref name="directory"/>; returns their paths.</summary>
    public async Task<(string Certificate, string Key)> WriteClientCertificateAsync(string identity, string directory, string fileName)
    {
        System.IO.Directory.CreateDirectory(directory);
        var paths = (Path.Combine(directory, fileName + ".crt"), Path.Combine(directory, fileName + ".key"));
        await WritePairAsync(ClientCertificate(identity), paths.Item1, paths.Item2);
        return paths;
    }

    /// <summary>Puts <paramref name="certificate"/> on the revocation list and rewrites crl.pem (a broker rereads it on SIGHUP).</summary>
    public async Task RevokeAsync(X509Certificate2 certificate)
    {
        lock (_revoked)
        {
            _revoked.Add(certificate.GetSerialNumber().Reverse().ToArray());
        }

        await WriteCrlAsync();
    }

    public void Dispose()
    {
        foreach (var client in _clients.Values)
        {
            client.Dispose();
        }

        _ca.Dispose();
    }

    private static (X509Certificate2 Certificate, string KeyPem) MakeCa(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return (request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(2)), key.ExportPkcs8PrivateKeyPem());
    }

    private X509Certificate2 Issue(string commonName, bool serverAuth, string[]? names)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=" + commonName, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_ca, true, false));
        if (names is not null)
        {
            var san = new SubjectAlternativeNameBuilder();
            san.AddDnsName(names[0]);
            san.AddIpAddress(System.Net.IPAddress.Parse(names[1]));
            request.CertificateExtensions.Add(san.Build());
        }

        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        var now = DateTimeOffset.UtcNow;
        using var certificate = request.Create(_ca, now.AddMinutes(-5), now.AddDays(1), serial);
        return certificate.CopyWithPrivateKey(key);
    }

    private async Task WritePairAsync(X509Certificate2 certificate, string certificatePath, string keyPath)
    {
        await File.WriteAllTextAsync(certificatePath, certificate.ExportCertificatePem());
        await WriteSecretAsync(keyPath, certificate.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem());
    }

    private async Task WriteCrlAsync()
    {
        var builder = new CertificateRevocationListBuilder();
        lock (_revoked)
        {
            foreach (var serial in _revoked)
            {
                builder.AddEntry(serial, DateTimeOffset.UtcNow.AddMinutes(-1));
            }
        }

        var der = builder.Build(_ca, ++_crlNumber, DateTimeOffset.UtcNow.AddDays(2), HashAlgorithmName.SHA256);
        var temporary = CrlPath + ".tmp";
        await File.WriteAllTextAsync(temporary, PemEncoding.WriteString("X509 CRL", der));
        File.Move(temporary, CrlPath, overwrite: true);
    }

    private static async Task WriteSecretAsync(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(path, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(text);
    }
}
