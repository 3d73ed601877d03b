using System.Globalization;

namespace Lockers.Gateway.Provisioning.Pki;

/// <summary>
/// <c>issued.tsv</c> in the CA's folder: one line per issued certificate (serial, identity, kind, not-after,
/// issued-at; tab-separated, UTC ISO 8601), so a revocation can find every certificate of an identity.
/// Append-only; the revocation list says which of them are revoked.
/// </summary>
public sealed class CertificateIndex(string path)
{
    public const string FileName = "issued.tsv";

    public sealed record Entry(string Serial, string Identity, CertificateKind Kind, DateTimeOffset NotAfter, DateTimeOffset IssuedAt);

    public async Task AppendAsync(IssuedCertificate certificate)
    {
        var line = string.Join('\t', certificate.Serial, certificate.Identity, certificate.Kind.ToString(),
            certificate.NotAfter.UtcDateTime.ToString("O", CultureInfo.InvariantCulture),
            certificate.IssuedAt.UtcDateTime.ToString("O", CultureInfo.InvariantCulture));
        await File.AppendAllTextAsync(path, line + "\n");
    }

    public IReadOnlyList<Entry> All()
    {
        if (!File.Exists(path))
        {
            return [];
        }

        return File.ReadAllLines(path)
            .Select(line => line.Split('\t'))
            .Where(fields => fields.Length == 5 && Enum.TryParse<CertificateKind>(fields[2], out _))
            .Select(fields => new Entry(fields[0], fields[1], Enum.Parse<CertificateKind>(fields[2]),
                DateTimeOffset.Parse(fields[3], CultureInfo.InvariantCulture), DateTimeOffset.Parse(fields[4], CultureInfo.InvariantCulture)))
            .ToList();
    }

    /// <summary>The client certificates issued to <paramref name="identity"/> (exact, case-sensitive: broker user names are).</summary>
    public IReadOnlyList<Entry> IssuedTo(string identity) =>
        All().Where(entry => entry.Identity == identity && entry.Kind != CertificateKind.Server).ToList();
}
