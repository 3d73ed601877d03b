using Lockers.Gateway.Settings;

namespace Lockers.Gateway.Provisioning.Pki;

/// <summary>
/// Section "Pki": the deployment's certificate authority (ADR 0203), used by the command line only (<c>ca ...</c>,
/// <c>locker provision</c>, <c>locker revoke</c>). The server never reads the CA key. Checked by <see cref="PkiOptionsValidator"/>.
/// </summary>
public sealed class PkiOptions : IGatewayOptions
{
    public static string Section => "Pki";

    /// <summary>The CA's folder (ca.key 0600, ca.crt, crl.pem, issued.tsv). Keep it on the administrator's host, backed up and private.</summary>
    public string? Directory { get; set; }

    /// <summary>
    /// Lifetime of a locker's client certificate, days. Long, because an expired certificate takes the locker offline
    /// until someone provisions it again; revocation (the broker's CRL), not expiry, is how a stolen one is cut off.
    /// </summary>
    public int LockerCertificateDays { get; set; } = 1826;

    /// <summary>Lifetime of the broker's server certificate and the gateway's client certificate, days (renew with <c>ca broker</c> / <c>ca gateway</c>).</summary>
    public int ServiceCertificateDays { get; set; } = 825;

    /// <summary>Lifetime of the CA certificate made by <c>ca init</c>, years; nothing it signs outlives it.</summary>
    public int CaYears { get; set; } = 20;

    /// <summary>The CA folder, or a message naming the setting.</summary>
    public string RequireDirectory() => string.IsNullOrWhiteSpace(Directory)
        ? throw new ProvisioningException("Pki:Directory is not set: it names the deployment CA's folder (see 'Lockers.Gateway ca init')")
        : Directory;
}
