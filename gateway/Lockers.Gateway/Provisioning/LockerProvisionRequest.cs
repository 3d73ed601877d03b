namespace Lockers.Gateway.Provisioning;

/// <summary>
/// What <c>locker provision</c> is asked for: a registered locker at its site, the board file it runs, the
/// broker address the locker will use (not necessarily the gateway's; always TLS), and the folder for its device config.
/// </summary>
public sealed record LockerProvisionRequest(
    string SiteId, string LockerId, string BoardPath, string BrokerHost, int BrokerPort, string OutputDirectory);

/// <summary>
/// The outcome. <see cref="CommandKey"/> is shown once and kept nowhere in clear but the device config; the private key
/// of the certificate <see cref="CertificateSerial"/> exists only in <see cref="KeyPath"/>. <see cref="RevokedSerials"/>
/// are the locker's earlier certificates, revoked because provisioning again replaces its secrets.
/// </summary>
public sealed record ProvisionedLocker(
    string LockerId, string BrokerUser, string CertificateSerial, DateTimeOffset CertificateNotAfter, string CommandKey,
    string ConfigPath, string KeyPath, IReadOnlyList<string> RevokedSerials, bool CrlWritten, bool AclWritten, bool BrokerReloaded);

/// <summary>Provisioning cannot go ahead; the message says what to fix. Nothing was changed when it is thrown before any step ran.</summary>
public sealed class ProvisioningException(string message, Exception? inner = null) : Exception(message, inner);
