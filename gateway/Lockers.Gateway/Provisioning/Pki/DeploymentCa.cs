using System.Formats.Asn1;
using System.Numerics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Lockers.Gateway.Provisioning.Pki;

/// <summary>
/// A deployment's own certificate authority (ADR 0203): one ECDSA P-256 root that signs the broker's server
/// certificate, the gateway's and every locker's client certificate (common name = the broker identity), and the
/// revocation list the broker reads (<c>crlfile</c>). Its folder holds <c>ca.key</c> (0600, the one secret that can
/// mint identities), <c>ca.crt</c>, <c>crl.pem</c> and <c>issued.tsv</c>, the list of certificates it issued.
/// Only the command line uses it; the running gateway never needs the CA key.
/// </summary>
public sealed class DeploymentCa : IDisposable
{
    public const string KeyFileName = "ca.key";
    public const string CertificateFileName = "ca.crt";
    public const string CrlFileName = "crl.pem";

    private readonly X509Certificate2 _signer;

    private DeploymentCa(string directory, X509Certificate2 signer)
    {
        Directory = directory;
        _signer = signer;
        Index = new CertificateIndex(Path.Combine(directory, CertificateIndex.FileName));
    }

    public string Directory { get; }

    /// <summary>The CA certificate (public part only), as lockers, the gateway and the broker trust it.</summary>
    public string CertificatePem => _signer.ExportCertificatePem();

    public string CertificatePath => Path.Combine(Directory, CertificateFileName);

    public string CrlPath => Path.Combine(Directory, CrlFileName);

    public CertificateIndex Index { get; }

    public static bool ExistsIn(string directory) => File.Exists(Path.Combine(directory, KeyFileName));

    /// <summary>Makes a new CA in <paramref name="directory"/> with an empty revocation list; refuses to replace an existing one.</summary>
    public static async Task<DeploymentCa> CreateAsync(string directory, string name, DateTimeOffset now, int years)
    {
        if (ExistsIn(directory))
        {
            throw new ProvisioningException($"a CA already exists in '{directory}': replacing it would cut off every locker it certified");
        }

        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={Escape(name)}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, true, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        using var certificate = request.CreateSelfSigned(now.AddMinutes(-5), now.AddYears(years));

        await PrivateFiles.WriteAsync(Path.Combine(directory, KeyFileName), key.ExportPkcs8PrivateKeyPem(), secret: true);
        await PrivateFiles.WriteAsync(Path.Combine(directory, CertificateFileName), certificate.ExportCertificatePem(), secret: false);
        var ca = Open(directory);
        await ca.WriteCrlAsync([], now);
        return ca;
    }

    /// <summary>Opens the CA in <paramref name="directory"/>, or says how to make one.</summary>
    public static DeploymentCa Open(string directory)
    {
        if (!ExistsIn(directory))
        {
            throw new ProvisioningException($"no deployment CA in '{directory}' (Pki:Directory): create one with 'Lockers.Gateway ca init'");
        }

        try
        {
            var signer = X509Certificate2.CreateFromPemFile(Path.Combine(directory, CertificateFileName), Path.Combine(directory, KeyFileName));
            return new DeploymentCa(directory, signer);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException)
        {
            throw new ProvisioningException($"the CA in '{directory}' cannot be read: {ex.Message}", ex);
        }
    }

    /// <summary>
    /// Issues a certificate with a new key for <paramref name="identity"/> (the common name, which the broker takes as user
    /// name and client id), records it in the index and returns it with its key. Server certificates carry the host names
    /// and addresses as subject alternative names.
    /// </summary>
    public async Task<IssuedCertificate> IssueAsync(string identity, CertificateKind kind, DateTimeOffset now, TimeSpan lifetime,
        IReadOnlyList<string>? hostNames = null)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(new X500DistinguishedName($"CN={Escape(identity)}"), key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(
            [new Oid(kind == CertificateKind.Server ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(_signer, true, false));
        if (hostNames is { Count: > 0 })
        {
            var names = new SubjectAlternativeNameBuilder();
            foreach (var host in hostNames)
            {
                if (System.Net.IPAddress.TryParse(host, out var address))
                {
                    names.AddIpAddress(address);
                }
                else
                {
                    names.AddDnsName(host);
                }
            }

            request.CertificateExtensions.Add(names.Build());
        }

        // Within the CA's own validity: a chain is only as valid as its root (and .NET refuses anything else). Five minutes
        // of slack before "now" for clocks a little behind (a locker right after SNTP).
        var caNotBefore = new DateTimeOffset(_signer.NotBefore.ToUniversalTime());
        var caNotAfter = new DateTimeOffset(_signer.NotAfter.ToUniversalTime());
        var notBefore = now.AddMinutes(-5) > caNotBefore ? now.AddMinutes(-5) : caNotBefore;
        var start = now > notBefore ? now : notBefore;
        var notAfter = start + lifetime < caNotAfter ? start + lifetime : caNotAfter;
        if (notAfter <= notBefore)
        {
            throw new ProvisioningException($"the CA in '{Directory}' is valid only until {caNotAfter:yyyy-MM-dd}: make a new one (ca init) and provision again");
        }

        using var certificate = request.Create(_signer, notBefore, notAfter, NewSerial());
        var issued = new IssuedCertificate(certificate.SerialNumber, identity, kind, notAfter, now,
            certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
        await Index.AppendAsync(issued);
        return issued;
    }

    /// <summary>
    /// Adds <paramref name="serials"/> to the revocation list and rewrites <c>crl.pem</c> (its number one higher).
    /// Returns the serials that were not revoked before.
    /// </summary>
    public async Task<IReadOnlyList<string>> RevokeAsync(IEnumerable<string> serials, DateTimeOffset now)
    {
        var revoked = RevokedSerials();
        var added = serials.Where(serial => !revoked.Contains(serial, StringComparer.OrdinalIgnoreCase)).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (added.Count > 0)
        {
            await WriteCrlAsync(added, now);
        }

        return added;
    }

    /// <summary>The serials (hex, as in the index) on the current revocation list.</summary>
    public IReadOnlyList<string> RevokedSerials()
    {
        // CertificateRevocationListBuilder does not list its entries, so they are read from the DER.
        return CrlEntries(File.ReadAllText(CrlPath));
    }

    public void Dispose() => _signer.Dispose();

    private async Task WriteCrlAsync(IReadOnlyList<string> newSerials, DateTimeOffset now)
    {
        BigInteger number = 0;
        var builder = File.Exists(CrlPath)
            ? CertificateRevocationListBuilder.LoadPem(await File.ReadAllTextAsync(CrlPath), out number)
            : new CertificateRevocationListBuilder();
        foreach (var serial in newSerials)
        {
            builder.AddEntry(Convert.FromHexString(serial), now, X509RevocationReason.KeyCompromise);
        }

        // OpenSSL refuses every client once the list's nextUpdate has passed, so the list is valid as long as the CA:
        // it is rewritten on every revocation, and the broker reads it from disk, not from a distribution point.
        var der = builder.Build(_signer, number + 1, new DateTimeOffset(_signer.NotAfter.ToUniversalTime()), HashAlgorithmName.SHA256,
            thisUpdate: now.AddMinutes(-5));
        await PrivateFiles.WriteAsync(CrlPath, PemEncoding.WriteString("X509 CRL", der), secret: false);
    }

    /// <summary>Serial numbers (upper-case hex) of a PEM CRL's entries (RFC 5280, 5.1).</summary>
    internal static IReadOnlyList<string> CrlEntries(string pem)
    {
        var der = PemEncoding.Find(pem) is var fields ? Convert.FromBase64String(pem[fields.Base64Data]) : [];
        var reader = new AsnReader(der, AsnEncodingRules.DER).ReadSequence();
        var tbs = reader.ReadSequence();
        if (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Integer))
        {
            tbs.ReadInteger(); // version
        }

        tbs.ReadSequence(); // signature algorithm
        tbs.ReadSequence(); // issuer
        tbs.ReadEncodedValue(); // thisUpdate
        if (tbs.HasData && (tbs.PeekTag().HasSameClassAndValue(Asn1Tag.UtcTime) || tbs.PeekTag().HasSameClassAndValue(Asn1Tag.GeneralizedTime)))
        {
            tbs.ReadEncodedValue(); // nextUpdate
        }

        var serials = new List<string>();
        if (tbs.HasData && tbs.PeekTag().HasSameClassAndValue(Asn1Tag.Sequence))
        {
            var entries = tbs.ReadSequence();
            while (entries.HasData)
            {
                var entry = entries.ReadSequence();
                serials.Add(Convert.ToHexString(entry.ReadIntegerBytes().Span));
                // the rest of the entry (revocation date, extensions) is not needed
            }
        }

        return serials;
    }

    /// <summary>16 random bytes, positive (RFC 5280 serials are positive integers of at most 20 bytes).</summary>
    private static byte[] NewSerial()
    {
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] = (byte)((serial[0] & 0x7F) | 0x01);
        return serial;
    }

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace(",", "\\,").Replace("+", "\\+").Replace("=", "\\=")
        .Replace("\"", "\\\"").Replace("<", "\\<").Replace(">", "\\>").Replace(";", "\\;");
}
